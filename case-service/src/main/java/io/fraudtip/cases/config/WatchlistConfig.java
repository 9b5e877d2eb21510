package io.fraudtip.cases.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the watchlist check, the hot path banks call before transfers. */
@ConfigMapping(prefix = "fraudtip.watchlist")
public interface WatchlistConfig {
  /**
   * How long an answer for one identifier (listed or not) is reused: a change made through this
   * instance (a report, a closure, a dispute, an allow-listing) shows at its next check, one made
   * through another instance at most this late. An answer asked again once half of what this leaves
   * after one {@link #refreshInterval()} has passed is read again in the background by the next
   * poll, so answers asked that often never expire on a request's path. {@code 0s} turns the cache
   * off.
   */
  @WithDefault("2s")
  Duration cacheTtl();

  /** Most identifiers whose answers are kept at once (least recently used go first). */
  @WithDefault("100000")
  long cacheSize();

  /**
   * How often the in-memory view of identifiers with evidence (which answers unknown identifiers
   * without the database) reads the evidence rows other instances wrote: an identifier listed
   * through another instance shows here at most this interval (plus one poll's time) late. Evidence
   * recorded on this instance shows at once.
   */
  @WithDefault("1s")
  Duration refreshInterval();
}
