package io.fraudtip.commons.ratelimit;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * A token bucket: {@code capacity} requests, refilled evenly over {@code period}. A config group
 * for the services' {@code @ConfigMapping}s.
 */
public interface RateLimit {
  /** Requests allowed in a burst and per period. */
  long capacity();

  /** The period over which the capacity refills. */
  @WithDefault("1m")
  Duration period();
}
