package io.fraudtip.commons.time;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Instants as the database keeps them. PostgreSQL's {@code timestamptz} holds microseconds, while
 * the JVM's clock gives nanoseconds: an instant stored unrounded reads back different from the one
 * still in memory (and in an event or webhook payload written in the same transaction), so every
 * instant that is stored is rounded here first.
 */
public final class Timestamps {
  private Timestamps() {}

  /** Now, to the microsecond. */
  public static Instant now() {
    return micros(Instant.now());
  }

  /** The instant to the microsecond, as it will read back from the database. */
  public static Instant micros(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }
}
