package io.fraudtip.intake.messaging;

import io.fraudtip.commons.inbox.EventHandling;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.intake.service.CaseFollower;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows cases.v1 so that each tip's public status follows its case, a polled batch at a time in
 * one transaction. A record that cannot be read, or an event that fails on its own, goes alone to
 * cases.v1.intake-service.dlt ({@link EventHandling#handleBatch}). Batches run one after another,
 * in poll order, so that a case's events are applied in the order they happened.
 */
@ApplicationScoped
public class CaseEventsConsumer {
  private final CaseFollower cases;

  CaseEventsConsumer(CaseFollower cases) {
    this.cases = cases;
  }

  @Incoming("cases")
  @Blocking
  public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
    return EventHandling.handleBatch(
        batch,
        CaseEventV1.class,
        events ->
            cases.onCaseEvents(
                events.stream()
                    .map(e -> new CaseFollower.CaseEvent(e.eventId(), e.payload()))
                    .toList()));
  }
}
