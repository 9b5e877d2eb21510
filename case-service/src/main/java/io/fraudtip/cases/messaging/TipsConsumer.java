package io.fraudtip.cases.messaging;

import io.fraudtip.cases.service.CaseService;
import io.fraudtip.cases.service.Retries;
import io.fraudtip.commons.inbox.EventHandling;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Takes tips.v1 into cases. Poison records go to tips.v1.case-service.dlt. */
@ApplicationScoped
public class TipsConsumer {
  private final CaseService cases;

  TipsConsumer(CaseService cases) {
    this.cases = cases;
  }

  @Incoming("tips")
  @Blocking
  public CompletionStage<Void> consume(Message<String> message) {
    return EventHandling.handle(
        message, TipReceivedV1.class, (id, tip) -> Retries.onConflict(() -> cases.onTip(id, tip)));
  }
}
