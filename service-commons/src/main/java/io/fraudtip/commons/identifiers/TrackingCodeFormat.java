package io.fraudtip.commons.identifiers;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form of a tip's tracking code: 10 symbols of Crockford's base-32 alphabet (no I, L, O or U)
 * grouped 4-4-2 ({@code 7KQ2-M9XD-4T}). A citizen follows a tip by it (intake) and a police officer
 * finds the tip's case by it (case-service): both read a typed code the same way.
 */
public final class TrackingCodeFormat {
  /** The alphabet codes are drawn from. */
  public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");
  private static final Pattern CANONICAL =
      Pattern.compile("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}");

  private TrackingCodeFormat() {}

  /** The canonical form of a code as a caller typed it: upper case, Crockford's look-alikes. */
  public static String canonical(String typed) {
    String s = SEPARATORS.matcher(typed.trim().toUpperCase(Locale.ROOT)).replaceAll("");
    s = s.replace('O', '0').replace('I', '1').replace('L', '1');
    if (s.length() != 10) {
      return s;
    }
    return s.substring(0, 4) + "-" + s.substring(4, 8) + "-" + s.substring(8);
  }

  /** Whether a canonical value has the form of a code. */
  public static boolean valid(String canonical) {
    return CANONICAL.matcher(canonical).matches();
  }
}
