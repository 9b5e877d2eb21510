package io.fraudtip.cases.core;

import io.fraudtip.contracts.cases.CaseStatus;
import java.util.EnumSet;
import java.util.Set;

/**
 * The working states of a case and the transitions allowed between them; each maps to the public
 * {@link CaseStatus} that citizens see through their tips.
 */
public enum CaseStage {
  RECEIVED(CaseStatus.RECEIVED),
  ASSIGNED(CaseStatus.ASSIGNED),
  ACKNOWLEDGED(CaseStatus.IN_PROGRESS),
  INVESTIGATING(CaseStatus.IN_PROGRESS),
  SUSPENDED(CaseStatus.IN_PROGRESS),
  CLOSED(CaseStatus.CLOSED),
  MERGED(CaseStatus.CLOSED);

  private final CaseStatus status;

  CaseStage(CaseStatus status) {
    this.status = status;
  }

  public CaseStatus status() {
    return status;
  }

  /** The stages this one may move to. */
  public Set<CaseStage> next() {
    return switch (this) {
      case RECEIVED -> EnumSet.of(ASSIGNED, MERGED);
      // ASSIGNED -> ASSIGNED: re-routed, escalated or transferred before anyone acknowledged.
      case ASSIGNED -> EnumSet.of(ASSIGNED, ACKNOWLEDGED, MERGED);
      case ACKNOWLEDGED -> EnumSet.of(INVESTIGATING, ASSIGNED, CLOSED, MERGED);
      case INVESTIGATING -> EnumSet.of(SUSPENDED, ASSIGNED, CLOSED, MERGED);
      case SUSPENDED -> EnumSet.of(INVESTIGATING, ASSIGNED, CLOSED, MERGED);
      // A closed case goes back to a unit: reopened by it (CONFIRMED), or for a review after a
      // dispute. Tips alone never reopen it.
      case CLOSED -> EnumSet.of(ASSIGNED, MERGED);
      case MERGED -> EnumSet.noneOf(CaseStage.class);
    };
  }

  public boolean canMoveTo(CaseStage target) {
    return next().contains(target);
  }

  public boolean isOpen() {
    return this != CLOSED && this != MERGED;
  }
}
