package io.fraudtip.notification.messaging;

import io.fraudtip.commons.inbox.EventHandling;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.notification.service.AlertsFromCases;
import io.fraudtip.notification.service.CaseStates;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Raises freeze requests, confirmations and retractions from cases.v1. Poison records go to
 * cases.v1.notification-service.dlt. The alerts keep the record's trace context, so that their
 * webhooks continue the case's trace.
 */
@ApplicationScoped
public class CasesConsumer {
  private final AlertsFromCases alerts;
  private final CaseStates states;

  CasesConsumer(AlertsFromCases alerts, CaseStates states) {
    this.alerts = alerts;
    this.states = states;
  }

  @Incoming("cases")
  @Blocking
  public CompletionStage<Void> consume(Message<String> message) {
    return EventHandling.handle(
        message,
        CaseEventV1.class,
        (eventId, event) -> {
          states.onCaseEvent(event); // idempotent: closed cases refuse answers (SPEC §10)
          alerts.onCaseEvent(eventId, event, RecordTrace.of(message));
        });
  }
}
