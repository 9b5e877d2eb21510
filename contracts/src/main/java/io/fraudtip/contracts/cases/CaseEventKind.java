package io.fraudtip.contracts.cases;

/**
 * What happened to a case. Read from an event, a kind this reader does not know reads as {@code
 * null} (logged): the reader takes the event's status and tips as usual and does nothing it would
 * do for a particular kind.
 */
public enum CaseEventKind {
  /**
   * A new case, announced once: when a rule routed it at once, the event already carries its unit
   * and rule (status ASSIGNED) and no separate ASSIGNED follows.
   */
  OPENED,
  /** A case got a unit after it was opened (a rule matched later, or a unit was set by hand). */
  ASSIGNED,
  ACKNOWLEDGED,
  STATUS_CHANGED,
  MERGED,
  ESCALATED,
  /**
   * A police unit asked the banks to freeze the accounts named, per account or by its standing
   * order along the money trail; the event names the request that authorised it ({@link
   * CaseEventV1#authorisation()}) and each account's hold.
   */
  FREEZE_REQUESTED,
  CLOSED,
  IDENTIFIER_DELISTED,
  /**
   * The legal deadline moved: the unit marked the case complex or extended it once; the note gives
   * the new date.
   */
  LEGAL_DEADLINE_CHANGED,
  /**
   * A bank's answer traced money on to the accounts named, which joined the case as the next layer:
   * an advisory for their banks, naming the tracing bank ({@link CaseEventV1#tracedByBankBin()}).
   * Only a police unit's request makes it a freeze request.
   */
  ACCOUNT_TRACED,
  /**
   * The case's unit extended the hold on the account named: its {@link
   * AccountRefV1#holdExpiresAt()} is the new expiry, {@link AccountRefV1#holdReason()} the unit's
   * stated reason; the event names the freeze request whose hold it is ({@link
   * CaseEventV1#authorisation()}).
   */
  HOLD_EXTENDED,
  /**
   * The hold on each account named ended before its expiry: the unit lifted it, or the platform did
   * (case closed as unfounded, an upheld dispute delisted the account); {@link
   * AccountRefV1#holdReason()} says why. The bank may release the money held under it.
   */
  HOLD_LIFTED,
  /**
   * The hold on each account named reached its {@link AccountRefV1#holdExpiresAt()} without an
   * extension: the police authority to hold ends.
   */
  HOLD_EXPIRED,
  /**
   * A police unit entered identifiers found during the investigation into the case by hand; they
   * link and count like a tip's. Each bank account named in {@link CaseEventV1#accounts()} alerts
   * its bank as one a tip named ({@code account.reported}, an advisory); the note names the unit.
   * When the identifiers were held by other cases, a MERGED event of the case comes first.
   */
  IDENTIFIER_ADDED,
  /**
   * Identifiers of the case taken off the watchlist are listed again: their allow-list entry was
   * removed, or the deciding unit's review confirmed an identifier a dispute had delisted. Each
   * bank account named in {@link CaseEventV1#accounts()} alerts its bank anew ({@code
   * account.reported}, an advisory), since its bank was told the account's alerts were retracted;
   * case-service publishes it only for accounts no allow-list entry covers.
   */
  IDENTIFIER_RELISTED,
  /**
   * A new case, made by hand of tips a police unit split out of another case: published once for
   * the new case in place of OPENED, routed by the rules like a new case (its unit and rule as in
   * OPENED); {@link CaseEventV1#tipIds()} are the tips that moved, the note names the case they
   * left. The case they left follows with a STATUS_CHANGED carrying its remaining tips.
   */
  SPLIT;

  /** The CloudEvents type of this kind. */
  public String cloudEventType() {
    return io.fraudtip.contracts.CloudEvents.TYPE_CASE_PREFIX + name().toLowerCase() + ".v1";
  }
}
