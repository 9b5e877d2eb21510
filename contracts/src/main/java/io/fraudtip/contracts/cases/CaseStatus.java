package io.fraudtip.contracts.cases;

/**
 * The public life-cycle of a case, also shown to citizens through their tips. Read from an event, a
 * status this reader does not know reads as {@code null} (logged) and the tip keeps the status it
 * had.
 */
public enum CaseStatus {
  RECEIVED,
  ASSIGNED,
  IN_PROGRESS,
  CLOSED
}
