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

  /** The note of the history step that enters this status (public: no personal data). */
  public String publicNote() {
    return switch (this) {
      case RECEIVED -> "Tip received";
      case ASSIGNED -> "Assigned to a police unit";
      case IN_PROGRESS -> "Under investigation";
      case CLOSED -> "Case closed";
    };
  }
}
