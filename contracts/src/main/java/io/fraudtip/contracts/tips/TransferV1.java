package io.fraudtip.contracts.tips;

import java.time.Instant;

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
    String bankBin, String accountNumber, String accountName, long amountVnd, Instant at) {}
