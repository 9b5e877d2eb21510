package io.fraudtip.intake.messaging;

import io.fraudtip.commons.inbox.EventHandling;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.intake.service.TipService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Follows cases.v1 so that each tip's public status follows its case. */
@ApplicationScoped
public class CaseEventsConsumer {
  private final TipService tips;

  CaseEventsConsumer(TipService tips) {
    this.tips = tips;
  }

  @Incoming("cases")
  @Blocking
  public CompletionStage<Void> consume(Message<String> message) {
    return EventHandling.handle(message, CaseEventV1.class, tips::onCaseEvent);
  }
}
