package io.fraudtip.contracts.alerts;

/** What a bank did about an alert (SPEC §6). */
public enum AlertOutcome {
  FROZEN,
  PARTLY_FROZEN,
  MOVED_ON,
  NO_FUNDS,
  NO_SUCH_ACCOUNT,
  ACCOUNT_CLOSED,
  MONITORING,
  /** A later report of money returned to victims. */
  RESTORED
}
