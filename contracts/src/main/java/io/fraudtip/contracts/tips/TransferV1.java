package io.fraudtip.contracts.tips;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A transfer the victim made.
 *
 * @param bankBin NAPAS BIN of the destination bank
 * @param accountNumber normalised destination account number (digits and letters only)
 * @param accountName the account holder's name as the victim saw it, may be null
 * @param amountVnd amount in dong
 * @param at when the transfer was made
 */
public record TransferV1(
    @Schema(example = "970436") String bankBin,
    @Schema(example = "0123456789") String accountNumber,
    @Schema(example = "NGUYEN VAN A") String accountName,
    @Schema(example = "45000000") long amountVnd,
    Instant at) {}
