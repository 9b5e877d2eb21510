package io.fraudtip.cases.messaging;

import io.fraudtip.cases.banks.AlertDeliveries;
import io.fraudtip.cases.core.Retries;
import io.fraudtip.commons.inbox.EventHandling;
import io.fraudtip.contracts.CloudEvents;
import io.fraudtip.contracts.alerts.AlertDeliveredV1;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Takes the first deliveries of alerts to banks (alert-deliveries.v1) into cases, a polled batch at
 * a time, in one transaction ({@link AlertDeliveries#onDelivered}). Failures ({@link
 * EventHandling#handleBatch}): a lost race runs the batch again; a batch that still fails is taken
 * one record at a time, and only the records that fail alone go to its .dlt topic, as does a record
 * that cannot be read. A record of another CloudEvent type is skipped unread.
 */
@ApplicationScoped
public class AlertDeliveriesConsumer {
  private final AlertDeliveries deliveries;

  AlertDeliveriesConsumer(AlertDeliveries deliveries) {
    this.deliveries = deliveries;
  }

  @Incoming("alert-deliveries")
  @Blocking
  public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
    return EventHandling.handleBatch(
        batch,
        CloudEvents.TYPE_ALERT_DELIVERED::equals,
        AlertDeliveredV1.class,
        events -> Retries.onConflict(() -> deliveries.onDelivered(events)));
  }
}
