package io.fraudtip.cases.core;

import java.util.List;

/**
 * What a line of a case's timeline records. Stored and shown by its name ({@code
 * case_timeline.kind}, the {@code kind} of the API's timeline), so a constant is never renamed; a
 * new one needs no migration.
 */
public enum TimelineKind {
  /** A first tip opened the case. */
  OPENED,
  /** A further tip joined the case. */
  TIP_ADDED,
  /** A routing rule assigned the case to a unit. */
  ASSIGNED,
  /** The case grew past a rule's threshold and went up to a higher unit. */
  REROUTED_UP,
  /** The acknowledgement deadline passed and the parent unit took the case. */
  DEADLINE,
  /** A unit transferred the case to another unit. */
  TRANSFERRED,
  /** The assigned unit acknowledged the case. */
  ACKNOWLEDGED,
  /** An officer moved the case to another stage. */
  STATUS_CHANGED,
  /** Cases merged: on the absorbed case, where it went; on the survivor, what it absorbed. */
  MERGED,
  /** An officer's note (also the reason given for a transfer). */
  NOTE,
  /** A bank was alerted about an account of the case. */
  BANK_ALERTED,
  /** A bank answered an alert (held, restored or moved-on money). */
  BANK_RESPONSE,
  /** An officer asked banks to freeze accounts of the case. */
  FREEZE_REQUESTED,
  /** The case was closed, with its closure. */
  CLOSED,
  /** An upheld dispute took an identifier of the case off the watchlist. */
  IDENTIFIER_DELISTED,
  /** An identifier of the case was put on the allow-list. */
  ALLOW_LISTED,
  /** An identifier the allow-list had delisted is listed again: its entry was removed. */
  ALLOW_LIST_REMOVED,
  /** A holder or bank disputed a listing of the case. */
  DISPUTE_FILED,
  /** A dispute was upheld. */
  DISPUTE_UPHELD,
  /** A dispute was rejected. */
  DISPUTE_REJECTED,
  /** A dispute's deciding unit let its deadline pass: the parent unit decides it now. */
  DISPUTE_ESCALATED,
  /** The top unit let a dispute's deadline pass (no parent to take it): flagged overdue. */
  DISPUTE_OVERDUE,
  /** The top unit did not acknowledge in time (no parent to take the case). */
  DEADLINE_PASSED,
  /** The case was marked complex, which lengthens its legal deadline. */
  MARKED_COMPLEX,
  /** The legal deadline of a complex case was extended (once). */
  LEGAL_DEADLINE_EXTENDED,
  /** A closed case went back to a unit (its unit reopened it, or a review after a dispute). */
  REOPENED,
  /** The case names identifiers of a case closed as unfounded (which stays closed). */
  REFERS_TO,
  /** An independent report named an identifier delisted by an upheld dispute: review asked. */
  REVIEW_REQUESTED,
  /** The deciding unit confirmed the identifier after a review: listed again. */
  REVIEW_CONFIRMED,
  /** The deciding unit dismissed the review: the identifier stays off the watchlist. */
  REVIEW_DISMISSED,
  /** The unit extended a hold to a later expiry, with its reason. */
  HOLD_EXTENDED,
  /** A hold was lifted before its expiry (by the unit, or by the platform), with the reason. */
  HOLD_LIFTED,
  /** A hold reached its expiry without an extension. */
  HOLD_EXPIRED,
  /** A unit entered identifiers found during the investigation, with its reason. */
  IDENTIFIER_ADDED,
  /**
   * A unit split tips out into a new case, with its reason: on the original, where they went; on
   * the new case, where they came from.
   */
  SPLIT;

  /** The names of the kinds outsiders cause, as stored. */
  public static final List<String> OUTSIDER_KINDS = List.of(TIP_ADDED.name(), DISPUTE_FILED.name());

  /** Whether outsiders (tips, disputes) cause lines of this kind: they are bounded per case. */
  public boolean byOutsider() {
    return OUTSIDER_KINDS.contains(name());
  }
}
