package io.fraudtip.contracts.tips;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * How far a tip can be trusted on its own. Consumers weigh it; nothing downstream treats one
 * anonymous tip as proof.
 */
public enum TrustLevel {
  /**
   * Anonymous, no transfer details. Also what a level this reader does not know reads as, in an
   * event: the least trust is the safe guess.
   */
  @JsonEnumDefaultValue
  ANONYMOUS,
  /** Anonymous, with the transfers the victim made. */
  ANONYMOUS_WITH_TRANSFERS,
  /** A reporter who gave contact details, no transfer details. */
  IDENTIFIED,
  /** A reporter who gave contact details and the transfers made. */
  IDENTIFIED_WITH_TRANSFERS;

  public static TrustLevel of(boolean identified, boolean withTransfers) {
    if (identified) {
      return withTransfers ? IDENTIFIED_WITH_TRANSFERS : IDENTIFIED;
    }
    return withTransfers ? ANONYMOUS_WITH_TRANSFERS : ANONYMOUS;
  }
}
