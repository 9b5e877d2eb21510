package io.fraudtip.cases.core;

import io.fraudtip.commons.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The service's time: microseconds, as PostgreSQL keeps them, so a stored time reads back equal.
 */
@ApplicationScoped
public class Clock {
  /** Viet Nam time, in which legal deadlines run and report periods are cut. */
  public static final ZoneId VIET_NAM = ZoneId.of("Asia/Ho_Chi_Minh");

  public Instant now() {
    return Timestamps.now();
  }
}
