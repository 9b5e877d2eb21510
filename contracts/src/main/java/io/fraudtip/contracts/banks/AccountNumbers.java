package io.fraudtip.contracts.banks;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one normal form of a typed account number, for every service that takes one from a person or
 * a bank (a tip's transfers and accounts, a bank's onward transfers, a watchlist check): spaces,
 * dots and dashes dropped, letters upper case. Two spellings of one account must meet in one case.
 */
public final class AccountNumbers {
  // Compiled once: String.replaceAll compiles its pattern on every call, on a hot path.
  private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-]");
  private static final Pattern VALID = Pattern.compile("[0-9A-Z]{4,30}");

  private AccountNumbers() {}

  /** The account number without spaces, dots and dashes, in upper case. */
  public static String normalise(String typed) {
    return SEPARATORS.matcher(typed.strip()).replaceAll("").toUpperCase(Locale.ROOT);
  }

  /** Whether a normalised account number has the form of one: 4 to 30 digits and letters. */
  public static boolean valid(String normalised) {
    return normalised != null && VALID.matcher(normalised).matches();
  }
}
