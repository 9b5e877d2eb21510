package io.fraudtip.contracts.cases;

/**
 * A bank account named in a case.
 *
 * @param bankBin NAPAS BIN of the bank
 * @param accountNumber normalised account number
 * @param layer 1 for the account a victim paid, 2 and up for accounts the money moved on to
 */
public record AccountRefV1(String bankBin, String accountNumber, int layer) {}
