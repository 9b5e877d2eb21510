package io.fraudtip.contracts.tips;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One normalised scammer identifier.
 *
 * @param type the kind of identifier
 * @param value the canonical value that links cases: E.164 phone, {@code BIN:account} for a bank
 *     account, normalised URL, registrable domain, {@code platform:handle}, wallet address, package
 * @param bankBin NAPAS BIN of the bank holding a {@code BANK_ACCOUNT}, else null
 * @param region ISO region of a phone number, else null
 * @param foreign true for a phone number from abroad
 */
public record IdentifierV1(
    IdentifierType type,
    @Schema(example = "+84869123456") String value,
    @Schema(example = "970436") String bankBin,
    @Schema(example = "VN") String region,
    boolean foreign) {}
