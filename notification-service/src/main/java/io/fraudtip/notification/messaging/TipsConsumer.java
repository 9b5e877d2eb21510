package io.fraudtip.notification.messaging;

import io.fraudtip.commons.inbox.EventHandling;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.notification.service.AlertService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Raises bank alerts from tips.v1. Poison records go to tips.v1.notification-service.dlt. Tips are
 * independent of each other, so they are handled concurrently on a bounded pool (the database's
 * commits, not one tip after another, set the pace); per-account order comes from the account's
 * sequence, taken in each transaction.
 */
@ApplicationScoped
public class TipsConsumer {
  private final AlertService alerts;

  TipsConsumer(AlertService alerts) {
    this.alerts = alerts;
  }

  @Incoming("tips")
  @Blocking(value = "tip-alerts", ordered = false)
  public CompletionStage<Void> consume(Message<String> message) {
    return EventHandling.handle(message, TipReceivedV1.class, alerts::onTip);
  }
}
