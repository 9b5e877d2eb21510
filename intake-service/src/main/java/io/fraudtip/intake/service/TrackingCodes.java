package io.fraudtip.intake.service;

import io.fraudtip.commons.identifiers.TrackingCodeFormat;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;

/**
 * Tracking codes: 10 random symbols (50 bits) from Crockford's base-32 alphabet, which has no I, L,
 * O or U, grouped 4-4-2 so that a code can be read over the phone. Unguessable at the rate limits
 * the lookup is under.
 */
@ApplicationScoped
public class TrackingCodes {
  private static final char[] ALPHABET = TrackingCodeFormat.ALPHABET.toCharArray();
  private final SecureRandom random = new SecureRandom();

  public String next() {
    // One draw of 64 random bits, five per symbol: the system's random source is read under a lock,
    // and a draw per symbol made ten reads per tip.
    long bits = random.nextLong();
    char[] code = new char[12];
    int at = 0;
    for (int i = 0; i < 10; i++) {
      if (i == 4 || i == 8) {
        code[at++] = '-';
      }
      code[at++] = ALPHABET[(int) (bits & 31)];
      bits >>>= 5;
    }
    return new String(code);
  }

  /** The canonical form of a code as a caller typed it (see {@link TrackingCodeFormat}). */
  public static String canonical(String typed) {
    return TrackingCodeFormat.canonical(typed);
  }
}
