package io.fraudtip.cases.messaging;

import io.fraudtip.cases.banks.AlertDeliveries;
import io.fraudtip.cases.core.Retries;
import io.fraudtip.commons.inbox.EventHandling;
import io.fraudtip.contracts.CloudEvents;
import io.fraudtip.contracts.alerts.AlertDeliveredV1;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Takes the first deliveries of alerts to banks (alert-deliveries.v1) into cases. Poison records go
 * to its .dlt topic; a record of another CloudEvent type is skipped unread.
 */
@ApplicationScoped
public class AlertDeliveriesConsumer {
  private final AlertDeliveries deliveries;

  AlertDeliveriesConsumer(AlertDeliveries deliveries) {
    this.deliveries = deliveries;
  }

  @Incoming("alert-deliveries")
  @Blocking
  public CompletionStage<Void> consume(Message<String> message) {
    return EventHandling.handle(
        message,
        CloudEvents.TYPE_ALERT_DELIVERED::equals,
        AlertDeliveredV1.class,
        (id, delivery) -> Retries.onConflict(() -> deliveries.onDelivered(id, delivery)));
  }
}
