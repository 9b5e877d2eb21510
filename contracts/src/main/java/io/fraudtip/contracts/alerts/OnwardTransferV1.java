package io.fraudtip.contracts.alerts;

import java.time.Instant;

/**
 * Money that left the alerted account for another one.
 *
 * @param bankBin NAPAS BIN of the receiving bank
 * @param accountNumber normalised receiving account
 * @param amountVnd amount moved
 * @param at when it moved
 */
public record OnwardTransferV1(String bankBin, String accountNumber, long amountVnd, Instant at) {}
