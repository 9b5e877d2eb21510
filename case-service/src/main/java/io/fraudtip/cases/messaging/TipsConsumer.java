package io.fraudtip.cases.messaging;

import io.fraudtip.cases.core.Retries;
import io.fraudtip.cases.linking.TipEvent;
import io.fraudtip.cases.linking.TipLinking;
import io.fraudtip.commons.inbox.EventHandling;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Takes tips.v1 into cases, a polled batch at a time, in one transaction ({@link
 * TipLinking#onTips}): one commit, one lookup and one lock statement for many tips. Failures
 * ({@link EventHandling#handleBatch}): a lost race (deadlock, unique key) runs the batch again; a
 * database away is retried in place; a batch that still fails is taken one tip at a time, and only
 * the tips that fail alone go to tips.v1.case-service.dlt, as does a record that cannot be read.
 * Batches run a few at once: tips are independent events, the linking of shared identifiers is
 * serialised by locks in the database, and the connector commits an offset only when every record
 * before it is acknowledged.
 */
@ApplicationScoped
public class TipsConsumer {
  private final TipLinking cases;

  TipsConsumer(TipLinking cases) {
    this.cases = cases;
  }

  @Incoming("tips")
  @Blocking(value = "case-tips", ordered = false)
  public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
    return EventHandling.handleBatch(
        batch,
        TipReceivedV1.class,
        events ->
            Retries.onConflict(() -> cases.onTips(events.stream().map(TipEvent::of).toList())));
  }
}
