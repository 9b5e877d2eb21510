package io.fraudtip.intake.domain;

import io.fraudtip.contracts.cases.CaseStatus;

/** A tip's status as the citizen sees it; it follows the tip's case. */
public enum TipStatus {
  RECEIVED,
  ASSIGNED,
  IN_PROGRESS,
  CLOSED;

  public static TipStatus of(CaseStatus status) {
    return valueOf(status.name());
  }
}
