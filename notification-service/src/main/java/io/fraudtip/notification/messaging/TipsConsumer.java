package io.fraudtip.notification.messaging;

import io.fraudtip.commons.inbox.EventHandling;
import io.fraudtip.contracts.CloudEvents;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.notification.service.AlertsFromTips;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Raises bank alerts from tips.v1, a polled batch at a time: the batch's tips are handled in one
 * transaction (one commit for many tips is what lets the fast path keep up with hundreds of tips a
 * second), each tip deduped on its event id in it. A record that cannot be read, or a tip that
 * fails on its own, goes alone to tips.v1.notification-service.dlt ({@link
 * EventHandling#handleBatch}). Batches are independent (per-account order comes from the account's
 * sequence), so a few run at once on a bounded pool: one batch's round trips to the database
 * overlap another's. A record of another CloudEvent type than a received tip is skipped unread.
 */
@ApplicationScoped
public class TipsConsumer {
  private final AlertsFromTips alerts;

  TipsConsumer(AlertsFromTips alerts) {
    this.alerts = alerts;
  }

  @Incoming("tips")
  @Blocking(value = "tip-batches", ordered = false)
  public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
    return EventHandling.handleBatch(
        batch,
        CloudEvents.TYPE_TIP_RECEIVED::equals,
        TipReceivedV1.class,
        events ->
            alerts.onTips(
                events.stream()
                    .map(
                        e ->
                            new AlertsFromTips.TipEvent(
                                e.eventId(), e.payload(), RecordTrace.of(e.headers())))
                    .toList()));
  }
}
