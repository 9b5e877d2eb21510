package io.fraudtip.contracts.banks;

import java.util.Locale;

/**
 * The one normal form of a typed account number, for every service that takes one from a person or
 * a bank (a tip's transfers and accounts, a bank's onward transfers, a watchlist check): spaces,
 * dots and dashes dropped, letters upper case. Two spellings of one account must meet in one case.
 */
public final class AccountNumbers {
  private static final int MIN = 4;
  private static final int MAX = 30;

  private AccountNumbers() {}

  /** The account number without spaces, dots and dashes, in upper case. */
  public static String normalise(String typed) {
    // Loops, not patterns: a watchlist batch normalises a thousand of these per request.
    String s = typed.strip();
    StringBuilder kept = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (separator(c)) {
        if (kept == null) {
          kept = new StringBuilder(s.length()).append(s, 0, i);
        }
      } else if (kept != null) {
        kept.append(c);
      }
    }
    return (kept == null ? s : kept.toString()).toUpperCase(Locale.ROOT);
  }

  /** Whether a normalised account number has the form of one: 4 to 30 digits and letters. */
  public static boolean valid(String normalised) {
    if (normalised == null || normalised.length() < MIN || normalised.length() > MAX) {
      return false;
    }
    for (int i = 0; i < normalised.length(); i++) {
      char c = normalised.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) {
        return false;
      }
    }
    return true;
  }

  /** What {@code [\s.\-]} matches: ASCII white space, a dot or a dash. */
  private static boolean separator(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == '.'
        || c == '-';
  }
}
