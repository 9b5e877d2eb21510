package io.fraudtip.commons.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * The platform's business metrics, named once so that dashboards work across services (Prometheus
 * names at {@code /q/metrics} in brackets):
 *
 * <ul>
 *   <li>{@link #tipAccepted} (intake): {@code tips.accepted} counter by {@code channel} [{@code
 *       tips_accepted_total}];
 *   <li>{@link #deliveryAttempted} (notification, once per webhook attempt): {@code
 *       webhook.deliveries} counter by {@code outcome} [{@code webhook_deliveries_total}];
 *   <li>{@link #webhookResent} (notification, when a webhook's connection closed before any answer
 *       and it went out again at once, within its attempt): {@code webhook.resends} counter [{@code
 *       webhook_resends_total}];
 *   <li>{@link #tipToAlert} (notification, when a bank's webhook answers 2xx to the first alert of
 *       a tip): {@code fraudtip.tip.to.alert} timer from the tip's {@code receivedAt} [{@code
 *       fraudtip_tip_to_alert_seconds}, with median and p99].
 * </ul>
 *
 * The outbox metrics ({@code outbox_backlog}, {@code outbox_oldest_unsent_age_seconds}, {@code
 * outbox_publish_delay_seconds}) come from the relay, Kafka consumer lag ({@code
 * kafka_consumer_fetch_manager_records_lag_max}) from the Kafka client binder.
 */
@ApplicationScoped
public class PlatformMetrics {
  private final MeterRegistry registry;
  private final Timer tipToAlert;

  PlatformMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.tipToAlert =
        Timer.builder("fraudtip.tip.to.alert")
            .description("From a tip's receipt to the first 2xx of a bank's webhook for it")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
  }

  /** Counts a tip accepted (stored and queued for tips.v1) on the given channel. */
  public void tipAccepted(String channel) {
    Counter.builder("tips.accepted")
        .description("Tips accepted, by the channel they came through")
        .tag("channel", channel)
        .register(registry)
        .increment();
  }

  /** Counts one webhook delivery attempt by its outcome (SUCCESS, RETRY, FAILED, GONE). */
  public void deliveryAttempted(String outcome) {
    Counter.builder("webhook.deliveries")
        .description("Webhook delivery attempts to banks, by outcome")
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  /**
   * Counts a webhook sent again at once because its connection closed before any answer (often a
   * kept-alive connection the bank's server timed out just then): many point at a bank whose idle
   * timeout is short.
   */
  public void webhookResent() {
    Counter.builder("webhook.resends")
        .description("Webhooks sent again at once, their connection closed before any answer")
        .register(registry)
        .increment();
  }

  /** Records the time from a tip's receipt to a bank's acknowledgement of its alert. */
  public void tipToAlert(Duration latency) {
    tipToAlert.record(latency);
  }

  /** Records the time from {@code receivedAt} (the tip's) to now. */
  public void tipToAlert(Instant receivedAt) {
    tipToAlert(Duration.between(receivedAt, Instant.now()));
  }
}
