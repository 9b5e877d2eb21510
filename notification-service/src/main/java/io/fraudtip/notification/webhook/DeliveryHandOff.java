package io.fraudtip.notification.webhook;

import io.fraudtip.commons.tx.AfterCommit;
import io.fraudtip.notification.config.WebhookConfig;
import io.fraudtip.notification.domain.Alert;
import io.fraudtip.notification.domain.BankEndpoint;
import io.fraudtip.notification.domain.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The fast path of a new delivery: when the schedule starts at once and this instance's dispatcher
 * runs, the delivery is written already leased to it and handed to it in memory right after the
 * commit, so that it leaves without waiting for a claim (a transaction of its own) or a poll. The
 * database stays the source of truth: if the instance dies before the answer is recorded, the lease
 * ends and any dispatcher takes the row, as for a claimed one; retries are claimed as usual.
 */
@ApplicationScoped
public class DeliveryHandOff {
  private final WebhookConfig config;
  private final AfterCommit afterCommit;
  private final DeliveryWakeUp wakeUp;
  private final DeliveryClaims claims;

  DeliveryHandOff(
      WebhookConfig config, AfterCommit afterCommit, DeliveryWakeUp wakeUp, DeliveryClaims claims) {
    this.config = config;
    this.afterCommit = afterCommit;
    this.wakeUp = wakeUp;
    this.claims = claims;
  }

  /** The deliveries scheduled in the caller's transaction. */
  public Batch batch() {
    return new Batch();
  }

  /** The new deliveries of one transaction, handed over once it commits. */
  public final class Batch {
    private final List<ClaimedDelivery> leased = new ArrayList<>();
    private final Map<UUID, List<String>> secrets = new HashMap<>();

    /** Sets a new delivery's first attempt: leased to this instance's dispatcher, or due. */
    public void schedule(Delivery d, Alert alert, BankEndpoint endpoint, Instant now) {
      Duration first = config.retrySchedule().get(0);
      if (!first.isZero() || !wakeUp.taking()) {
        d.nextAttemptAt = now.plus(first);
        wakeUp.wakeAfterCommit();
        return;
      }
      d.nextAttemptAt = now.plusMillis(claims.leaseMs());
      leased.add(
          new ClaimedDelivery(
              d.id,
              d.webhookId,
              endpoint.id,
              endpoint.url,
              secrets.computeIfAbsent(endpoint.id, id -> claims.secretsOf(endpoint, now)),
              alert.payload,
              alert.eventType,
              alert.traceparent,
              alert.tracestate));
      // A dispatcher stopped before the commit takes nothing: the rows come due after their lease.
      afterCommit.run(this, () -> wakeUp.handOver(List.copyOf(leased)));
    }
  }
}
