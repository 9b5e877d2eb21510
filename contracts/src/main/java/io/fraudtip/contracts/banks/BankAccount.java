package io.fraudtip.contracts.banks;

import java.util.Objects;

/**
 * A bank account as every service names it: the bank's NAPAS BIN and the normalised account number.
 * Its one textual form, {@code BIN:account} (e.g. {@code 970436:1023456789}), is the value of a
 * {@code BANK_ACCOUNT} identifier in tips, cases and the watchlist; build and read it only here.
 *
 * @param bankBin NAPAS BIN of the bank holding the account
 * @param accountNumber the account number, normalised (digits and letters, no separators)
 */
public record BankAccount(String bankBin, String accountNumber) {
  private static final char SEPARATOR = ':';

  public BankAccount {
    Objects.requireNonNull(bankBin, "bankBin");
    Objects.requireNonNull(accountNumber, "accountNumber");
  }

  /** The account of a {@code BIN:account} value. */
  public static BankAccount parse(String value) {
    int at = value == null ? -1 : value.indexOf(SEPARATOR);
    if (at <= 0 || at == value.length() - 1) {
      throw new IllegalArgumentException("not a BIN:account value: " + value);
    }
    return new BankAccount(value.substring(0, at), value.substring(at + 1));
  }

  /**
   * The account number of a {@code BIN:account} value, or the value itself when it has no BIN
   * (tolerated for rows written before the form was fixed).
   */
  public static String accountNumberOf(String value) {
    int at = value.indexOf(SEPARATOR);
    return at < 0 ? value : value.substring(at + 1);
  }

  /** The textual form, {@code BIN:account}. */
  public String value() {
    return bankBin + SEPARATOR + accountNumber;
  }

  @Override
  public String toString() {
    return value();
  }
}
