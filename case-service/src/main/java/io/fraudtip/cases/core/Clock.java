package io.fraudtip.cases.core;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The service's time: microseconds, as PostgreSQL keeps them, so a stored time reads back equal.
 */
@ApplicationScoped
public class Clock {
  public Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
