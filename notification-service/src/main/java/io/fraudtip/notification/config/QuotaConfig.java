package io.fraudtip.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Quotas of notification-service (SPEC §10 "Quotas"): banks and police by their token's subject on
 * every endpoint (alerts, answers, endpoints, secret rotations, deliveries and replays). Operators
 * are not limited. The switch, period and bound on callers are case-service's keys, so that one
 * setting governs both services; the capacities are this service's own ({@code notification.}),
 * since a bank screening transfers calls case-service far more often.
 */
@ConfigMapping(prefix = "fraudtip.quotas")
public interface QuotaConfig {
  /** Whether the request quotas apply. */
  @WithDefault("true")
  boolean enabled();

  /** The period over which each capacity refills. */
  @WithDefault("1m")
  Duration period();

  /** Most buckets of each kind kept in memory at once (least recently used go first). */
  @WithDefault("100000")
  long maxTrackedCallers();

  /** This service's capacities. */
  Notification notification();

  /** Requests per token subject and period. */
  interface Notification {
    /**
     * Requests of one bank token subject per period: a bank reads its alerts, answers them and
     * manages its endpoints, far below this unless its client runs away.
     */
    @WithDefault("6000")
    long perBankCapacity();

    /** Requests of one police token subject per period. */
    @WithDefault("1200")
    long perPoliceCapacity();
  }
}
