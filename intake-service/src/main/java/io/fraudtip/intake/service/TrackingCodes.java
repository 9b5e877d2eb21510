package io.fraudtip.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;

/**
 * Tracking codes: 10 random symbols (50 bits) from Crockford's base-32 alphabet, which has no I, L,
 * O or U, grouped 4-4-2 so that a code can be read over the phone. Unguessable at the rate limits
 * the lookup is under.
 */
@ApplicationScoped
public class TrackingCodes {
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private final SecureRandom random = new SecureRandom();

  public String next() {
    char[] code = new char[12];
    int at = 0;
    for (int i = 0; i < 10; i++) {
      if (i == 4 || i == 8) {
        code[at++] = '-';
      }
      code[at++] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(code);
  }

  /** The canonical form of a code as a caller typed it: upper case, Crockford's look-alikes. */
  public static String canonical(String typed) {
    String s = typed.trim().toUpperCase().replaceAll("[\\s-]", "");
    s = s.replace('O', '0').replace('I', '1').replace('L', '1');
    if (s.length() != 10) {
      return s;
    }
    return s.substring(0, 4) + "-" + s.substring(4, 8) + "-" + s.substring(8);
  }
}
