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
  OTHER
}
