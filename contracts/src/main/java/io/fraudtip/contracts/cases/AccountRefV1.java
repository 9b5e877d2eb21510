package io.fraudtip.contracts.cases;

import java.time.Instant;

/**
 * A bank account named in a case.
 *
 * @param bankBin NAPAS BIN of the bank
 * @param accountNumber normalised account number
 * @param layer 1 for the account a victim paid, 2 and up for accounts the money moved on to
 * @param holdAmountVnd FREEZE_REQUESTED: the amount to hold, what reached the account as far as the
 *     case knows (never the whole balance); null when the case does not know it
 * @param holdExpiresAt FREEZE_REQUESTED: when the hold lapses unless the unit extends it;
 *     HOLD_EXTENDED: the new expiry; HOLD_LIFTED, HOLD_EXPIRED: the expiry the hold had; null for
 *     other kinds and for events written before holds were bounded
 * @param holdReason HOLD_EXTENDED, HOLD_LIFTED: the reason stated (by the unit, or by the platform
 *     for an automatic lift); null for other kinds and for events written before holds could end
 * @param tracedInVnd ACCOUNT_TRACED: what the tracing bank's answer says it sent on to this
 *     account, the most its bank can be asked to hold; null for other kinds and for events written
 *     before traces carried it
 * @param tracedInAt ACCOUNT_TRACED: the earliest of those transfers, before which no money can have
 *     left the account; null as {@code tracedInVnd}
 */
public record AccountRefV1(
    String bankBin,
    String accountNumber,
    int layer,
    Long holdAmountVnd,
    Instant holdExpiresAt,
    String holdReason,
    Long tracedInVnd,
    Instant tracedInAt) {

  /** An account with a hold and its reason (FREEZE_REQUESTED and the HOLD_ kinds). */
  public AccountRefV1(
      String bankBin,
      String accountNumber,
      int layer,
      Long holdAmountVnd,
      Instant holdExpiresAt,
      String holdReason) {
    this(bankBin, accountNumber, layer, holdAmountVnd, holdExpiresAt, holdReason, null, null);
  }

  /** An account traced by a bank's answer, with what it says moved in and when (ACCOUNT_TRACED). */
  public static AccountRefV1 traced(
      String bankBin, String accountNumber, int layer, long tracedInVnd, Instant tracedInAt) {
    return new AccountRefV1(
        bankBin, accountNumber, layer, null, null, null, tracedInVnd, tracedInAt);
  }

  /** An account without a hold (every kind but FREEZE_REQUESTED and the HOLD_ kinds). */
  public AccountRefV1(String bankBin, String accountNumber, int layer) {
    this(bankBin, accountNumber, layer, null, null, null);
  }

  /** An account with a hold and no reason (FREEZE_REQUESTED, HOLD_EXPIRED). */
  public AccountRefV1(
      String bankBin, String accountNumber, int layer, Long holdAmountVnd, Instant holdExpiresAt) {
    this(bankBin, accountNumber, layer, holdAmountVnd, holdExpiresAt, null);
  }
}
