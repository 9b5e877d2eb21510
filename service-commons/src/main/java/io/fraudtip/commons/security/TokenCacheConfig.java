package io.fraudtip.commons.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the cache of verified bearer tokens. */
@ConfigMapping(prefix = "fraudtip.security.token-cache")
public interface TokenCacheConfig {
  /**
   * Longest time a verified token is reused without checking its signature again (never past its
   * own expiry); {@code 0s} verifies every request. Bounds how long a token keeps passing after its
   * signing key is withdrawn.
   */
  @WithDefault("60s")
  Duration maxTtl();

  /** Most tokens kept at once (a token and its claims take a few KiB). */
  @WithDefault("2000")
  int size();
}
