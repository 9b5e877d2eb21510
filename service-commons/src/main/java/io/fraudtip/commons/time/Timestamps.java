package io.fraudtip.commons.time;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
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

  /** The earliest and latest instants a filter passes to the database (timestamptz holds more). */
  static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  /**
   * A caller's bound of a time filter ("since") as the database can take it: PostgreSQL refuses an
   * instant outside its range (a 500), while nothing stored is older than year 1 or newer than year
   * 9999, so the clamped bound selects the same rows.
   */
  public static Instant asFilterBound(Instant instant) {
    return instant.isBefore(EARLIEST) ? EARLIEST : instant.isAfter(LATEST) ? LATEST : instant;
  }

  /**
   * A {@code timestamptz} column as a native query hands it over (the driver's and Hibernate's
   * versions differ: an Instant, an OffsetDateTime or a Timestamp); null stays null.
   */
  public static Instant fromColumn(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    throw new IllegalStateException("unexpected time type " + value.getClass());
  }

  /** The instant to the microsecond, as it will read back from the database. */
  public static Instant micros(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }
}
