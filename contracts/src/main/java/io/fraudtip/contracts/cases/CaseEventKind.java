package io.fraudtip.contracts.cases;

/**
 * What happened to a case. Read from an event, a kind this reader does not know reads as {@code
 * null} (logged): the reader takes the event's status and tips as usual and does nothing it would
 * do for a particular kind.
 */
public enum CaseEventKind {
  OPENED,
  ASSIGNED,
  ACKNOWLEDGED,
  STATUS_CHANGED,
  MERGED,
  ESCALATED,
  FREEZE_REQUESTED,
  CLOSED,
  IDENTIFIER_DELISTED,
  /**
   * The legal deadline moved: the unit marked the case complex or extended it once; the note gives
   * the new date.
   */
  LEGAL_DEADLINE_CHANGED;

  /** The CloudEvents type of this kind. */
  public String cloudEventType() {
    return io.fraudtip.contracts.CloudEvents.TYPE_CASE_PREFIX + name().toLowerCase() + ".v1";
  }
}
