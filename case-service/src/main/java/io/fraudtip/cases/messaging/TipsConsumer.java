package io.fraudtip.cases.messaging;

import io.fraudtip.cases.core.Retries;
import io.fraudtip.cases.linking.TipLinking;
import io.fraudtip.commons.inbox.EventHandling;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Takes tips.v1 into cases. Poison records go to tips.v1.case-service.dlt. Several tips are taken
 * at once, each in its own transaction: tips are independent events (keyed by their own id), the
 * linking of shared identifiers is serialised by locks in the database and lost races are retried,
 * and the connector commits an offset only when every record before it is acknowledged.
 */
@ApplicationScoped
public class TipsConsumer {
  private final TipLinking cases;

  TipsConsumer(TipLinking cases) {
    this.cases = cases;
  }

  @Incoming("tips")
  @Blocking(value = "case-tips", ordered = false)
  public CompletionStage<Void> consume(Message<String> message) {
    return EventHandling.handle(
        message, TipReceivedV1.class, (id, tip) -> Retries.onConflict(() -> cases.onTip(id, tip)));
  }
}
