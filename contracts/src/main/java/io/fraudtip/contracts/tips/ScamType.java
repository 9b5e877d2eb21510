package io.fraudtip.contracts.tips;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** The kinds of online fraud a tip can report (SPEC §4). */
public enum ScamType {
  IMPERSONATION_AUTHORITY,
  IMPERSONATION_BANK_TELECOM_UTILITY,
  INVESTMENT_CRYPTO,
  ONLINE_JOB_TASK,
  ONLINE_SHOPPING_DELIVERY,
  ROMANCE,
  LOAN_APP,
  PHISHING_FAKE_SITE,
  FAKE_APP_MALWARE,
  ACCOUNT_RENTAL_SALE,
  PRIZE_LOTTERY,
  /** Also what a scam type this reader does not know reads as, in an event. */
  @JsonEnumDefaultValue
  OTHER;

  /**
   * The scam types in words, for the API's documentation (a new type is named here too, so that the
   * citizen-facing description never lags behind the list).
   */
  public static final String DESCRIPTION =
      "The kind of fraud: impersonating police/procuracy/court"
          + " (IMPERSONATION_AUTHORITY), a bank/telecom/utility"
          + " (IMPERSONATION_BANK_TELECOM_UTILITY), investment or crypto, online job or"
          + " \"task\", online shopping or delivery, romance, loan app, phishing link or"
          + " fake site, fake app or remote-control malware, renting or selling bank"
          + " accounts, prize or lottery, other";
}
