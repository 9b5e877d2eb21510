package io.fraudtip.contracts;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochRandomGenerator;
import java.util.Locale;
import java.util.UUID;

/**
 * New ids of the rows and events the platform writes: UUIDs of version 7 (RFC 9562), whose first 48
 * bits are the time in milliseconds and whose other 74 free bits are random.
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
