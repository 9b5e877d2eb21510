package io.fraudtip.cases.trust;

/** What a row of an identifier's evidence says. Stored by name; never renamed. */
public enum EvidenceKind {
  /** A tip named the identifier (with its source keys). */
  REPORT,
  /**
   * A police unit confirmed it: asked for a freeze of the account, or closed the case CONFIRMED.
   */
  POLICE_CONFIRMED,
  /** The holding bank confirmed it: a FROZEN, PARTLY_FROZEN or MOVED_ON answer on the account. */
  BANK_CONFIRMED,
  /** A bank's answer traced the money on to this account (a next layer). */
  TRACED,
  /** Police rejected it: the case closed UNFOUNDED, or a dispute upheld (see the note). */
  REJECTED,
  /** A new independent report after an upheld dispute: the deciding unit must review it. */
  REVIEW_REQUESTED,
  /** The deciding unit dismissed the review: the identifier stays off the watchlist. */
  REVIEW_DISMISSED,
  /**
   * The bank that confirmed the account answered later that it holds no such account (a freeze
   * answered on the wrong account, corrected): its confirmations before stop counting.
   */
  BANK_RETRACTED
}
