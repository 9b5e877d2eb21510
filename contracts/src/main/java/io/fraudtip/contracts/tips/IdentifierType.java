package io.fraudtip.contracts.tips;

/** The kinds of scammer identifier that link tips into cases. */
public enum IdentifierType {
  PHONE,
  BANK_ACCOUNT,
  URL,
  DOMAIN,
  SOCIAL_ACCOUNT,
  CRYPTO_WALLET,
  APP_PACKAGE
}
