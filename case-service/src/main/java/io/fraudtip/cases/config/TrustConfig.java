package io.fraudtip.cases.config;

import io.fraudtip.cases.api.WatchlistViews.RiskLevel;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Thresholds of the trust model (SPEC §10); the defaults are the SPEC's. */
@ConfigMapping(prefix = "fraudtip.trust")
public interface TrustConfig {
  /**
   * Tips sharing a source address or client within this time count as one source (a reporter key
   * joins tips whatever the time between them).
   */
  @WithDefault("24h")
  Duration sameSourceWindow();

  /** Independent sources that make an identifier MEDIUM. */
  @WithDefault("2")
  int mediumSources();

  /** Independent sources with transfer details that make an identifier HIGH. */
  @WithDefault("3")
  int highSourcesWithTransfers();

  /** A LOW listing with no report for this long is no longer listed. */
  @WithDefault("90d")
  Duration lowListingExpiry();

  /** Evidence older than this stops counting (the longest window of the counts: 5 years). */
  @WithDefault("1826d")
  Duration maxAge();

  /**
   * The level the evidence after a rejection (case closed unfounded) must reach for the identifier
   * to be listed again: "corroborated anew".
   */
  @WithDefault("MEDIUM")
  RiskLevel relistLevel();
}
