package io.fraudtip.contracts.tips;

/**
 * The kinds of scammer identifier that link tips into cases. Read from an event, a kind this reader
 * does not know reads as {@code null} (logged) and the identifier is left out: it cannot be
 * normalised or matched without knowing its kind, and the tip's other facts still count.
 */
public enum IdentifierType {
  PHONE,
  BANK_ACCOUNT,
  URL,
  DOMAIN,
  SOCIAL_ACCOUNT,
  CRYPTO_WALLET,
  APP_PACKAGE
}
