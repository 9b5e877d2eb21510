package io.fraudtip.contracts;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochRandomGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.UUID;

/**
 * New ids of the rows and events the platform writes: UUIDs of version 7 (RFC 9562), whose first 48
 * bits are the time in milliseconds and whose other 74 free bits are random; and ids {@link
 * #derived} from them (version 8), for what must carry the same id every time.
 *
 * <p>Why not {@link UUID#randomUUID()}: a random key puts each insert on a random page of every
 * index keyed by it (primary keys, event ids, the inbox's processed events), so once those indexes
 * outgrow PostgreSQL's shared buffers each insert reads a page back in, and the first change to a
 * page after each checkpoint writes the whole page into the WAL. Ids made in the same moment sit
 * side by side, so a second of tips dirties a few pages at the right edge of each index.
 *
 * <p>The time in an id is when it was made, to the millisecond: ids are not secrets, and none is a
 * capability on its own. A text that must look random (a case reference) takes the random tail.
 */
public final class Ids {

  private static final TimeBasedEpochRandomGenerator GENERATOR =
      Generators.timeBasedEpochRandomGenerator();

  private Ids() {}

  /** A new id: ordered by the millisecond it was made in, random within it. */
  public static UUID next() {
    return GENERATOR.generate();
  }

  /**
   * An id derived from another, the same on every call: the source's first 48 bits (its time, for
   * an id of {@link #next()}), then 74 bits of a SHA-256 of the purpose and the source, as a UUID
   * of version 8 (RFC 9562's custom layout), so never the source itself. For an event that must
   * carry the same id on every attempt and replay: a name-based UUID (version 3 or 5) is all hash,
   * a random key (see above); this one sits beside the ids made when its source was.
   */
  public static UUID derived(UUID from, String purpose) {
    byte[] hash = sha256((purpose + ":" + from).getBytes(StandardCharsets.UTF_8));
    long high = 0;
    long low = 0;
    for (int i = 0; i < 8; i++) {
      high = (high << 8) | (hash[i] & 0xFF);
      low = (low << 8) | (hash[8 + i] & 0xFF);
    }
    long msb =
        (from.getMostSignificantBits() & 0xFFFF_FFFF_FFFF_0000L) | 0x8000L | (high & 0x0FFFL);
    long lsb = (low & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(msb, lsb);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * The id's last {@code length} hex digits, upper case: random in an id of {@link #next()} (its
   * first ones are the time), for short texts that must not repeat often.
   */
  public static String randomTail(UUID id, int length) {
    if (length < 1 || length > 12) {
      throw new IllegalArgumentException("1 to 12 hex digits, not " + length);
    }
    String hex = id.toString();
    return hex.substring(hex.length() - length).toUpperCase(Locale.ROOT);
  }
}
