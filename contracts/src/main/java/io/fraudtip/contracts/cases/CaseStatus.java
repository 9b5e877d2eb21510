package io.fraudtip.contracts.cases;

/** The public life-cycle of a case, also shown to citizens through their tips. */
public enum CaseStatus {
  RECEIVED,
  ASSIGNED,
  IN_PROGRESS,
  CLOSED
}
