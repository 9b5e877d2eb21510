package io.fraudtip.cases;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Single watchlist checks the fast route answered, read from its counters. */
public final class RouteAnswers {
  private static final String ANSWERS = "fraudtip.watchlist.route.answers";

  private RouteAnswers() {}

  /** Answered before authentication or after it. */
  public static double all(MeterRegistry registry) {
    return registry.get(ANSWERS).counters().stream().mapToDouble(Counter::count).sum();
  }

  /** Answered before authentication. */
  public static double early(MeterRegistry registry) {
    return registry.get(ANSWERS).tag("stage", "before-authentication").counter().count();
  }
}
