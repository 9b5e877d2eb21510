package io.fraudtip.notification.messaging;

import io.fraudtip.commons.inbox.IncomingEvents;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.notification.service.AlertService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Raises bank alerts from tips.v1, a polled batch at a time: the batch's tips are handled in one
 * transaction (one commit for many tips is what lets the fast path keep up with hundreds of tips a
 * second), each tip deduped on its event id in it. A record that cannot be read, or a tip that
 * fails on its own, goes alone to tips.v1.notification-service.dlt: when the batch's transaction
 * fails, its tips are handled again one transaction each, and only the failing ones are dropped to
 * the dead-letter topic. The batch is acknowledged once those are written there. Batches are
 * independent (per-account order comes from the account's sequence), so a few run at once on a
 * bounded pool: one batch's round trips to the database overlap another's.
 */
@ApplicationScoped
public class TipsConsumer {
  private static final Logger LOG = Logger.getLogger(TipsConsumer.class);

  private final AlertService alerts;

  TipsConsumer(AlertService alerts) {
    this.alerts = alerts;
  }

  @Incoming("tips")
  @Blocking(value = "tip-batches", ordered = false)
  public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
    List<CompletableFuture<Void>> deadLetters = new ArrayList<>();
    List<AlertService.TipEvent> tips = new ArrayList<>();
    List<KafkaRecord<String, String>> sources = new ArrayList<>();
    for (KafkaRecord<String, String> record : batch.getRecords()) {
      try {
        tips.add(
            new AlertService.TipEvent(
                IncomingEvents.eventId(record),
                Json.events().readValue(record.getPayload(), TipReceivedV1.class),
                RecordTrace.of(record.getHeaders())));
        sources.add(record);
      } catch (Exception e) {
        deadLetters.add(record.nack(e).toCompletableFuture());
      }
    }
    if (!tips.isEmpty()) {
      try {
        alerts.onTips(tips);
      } catch (Exception batchFailed) {
        LOG.warnf(
            "A batch of %d tips failed (%s); handling them one by one",
            tips.size(), batchFailed.getMessage());
        for (int i = 0; i < tips.size(); i++) {
          try {
            alerts.onTips(List.of(tips.get(i)));
          } catch (Exception e) {
            deadLetters.add(sources.get(i).nack(e).toCompletableFuture());
          }
        }
      }
    }
    if (deadLetters.isEmpty()) {
      return batch.ack();
    }
    // Acknowledged only once every poison record is on the dead-letter topic; if that fails the
    // batch stays unacknowledged, the channel reports it, and the records come again.
    return CompletableFuture.allOf(deadLetters.toArray(CompletableFuture[]::new))
        .handle((done, error) -> error)
        .thenCompose(
            error -> {
              if (error == null) {
                return batch.ack();
              }
              LOG.errorf("Could not dead-letter a tip; the batch will come again: %s", error);
              return CompletableFuture.<Void>completedFuture(null);
            });
  }
}
