package io.fraudtip.cases.messaging;

import io.fraudtip.cases.banks.AlertResponses;
import io.fraudtip.cases.core.Retries;
import io.fraudtip.commons.inbox.EventHandling;
import io.fraudtip.contracts.CloudEvents;
import io.fraudtip.contracts.alerts.AlertResponseV1;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Takes banks' answers (alert-responses.v1) into cases. Poison records go to its .dlt topic; a
 * record of another CloudEvent type is skipped unread.
 */
@ApplicationScoped
public class AlertResponsesConsumer {
  private final AlertResponses responses;

  AlertResponsesConsumer(AlertResponses responses) {
    this.responses = responses;
  }

  @Incoming("alert-responses")
  @Blocking
  public CompletionStage<Void> consume(Message<String> message) {
    return EventHandling.handle(
        message,
        CloudEvents.TYPE_ALERT_RESPONSE::equals,
        AlertResponseV1.class,
        (id, response) -> Retries.onConflict(() -> responses.onResponse(id, response)));
  }
}
