package io.fraudtip.cases.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the in-memory copy of the routing rules, the units and the allow-list. */
@ConfigMapping(prefix = "fraudtip.routing")
public interface RoutingConfig {
  /**
   * How long the copy is used without asking the database whether it changed (one primary-key
   * read): a rule, unit or allow-list entry changed through another instance reaches the routing of
   * bank answers, deadlines and police transfers here at most this late. Changes made on this
   * instance count at once, and tips are always linked and routed with the current data (each batch
   * asks).
   */
  @WithDefault("1s")
  Duration refreshInterval();
}
