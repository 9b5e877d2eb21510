package io.fraudtip.contracts.tips;

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
    IdentifierType type, String value, String bankBin, String region, boolean foreign) {}
