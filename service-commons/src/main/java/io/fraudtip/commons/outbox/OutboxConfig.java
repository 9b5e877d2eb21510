package io.fraudtip.commons.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the transactional outbox and its relay to Kafka. */
@ConfigMapping(prefix = "fraudtip.outbox")
public interface OutboxConfig {
  /** Whether this instance runs a relay; any number of instances may. */
  @WithDefault("true")
  boolean relayEnabled();

  /** Rows a relay takes (and locks) at once. */
  @WithDefault("200")
  int batchSize();

  /**
   * How often a relay looks for rows without being woken: it is woken by its own commits, this
   * catches rows committed by other instances and left over after a failure.
   */
  @WithDefault("500ms")
  Duration pollInterval();

  /** How long a relay waits for Kafka to acknowledge a batch before it gives up on it. */
  @WithDefault("20s")
  Duration ackTimeout();

  /** Longest pause between attempts while Kafka is away (the pause doubles from 100 ms). */
  @WithDefault("5s")
  Duration maxBackoff();

  /** How long published rows are kept for inspection before they are deleted. */
  @WithDefault("24h")
  Duration retention();
}
