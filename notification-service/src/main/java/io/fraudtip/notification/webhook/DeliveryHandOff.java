package io.fraudtip.notification.webhook;

import io.fraudtip.notification.config.WebhookConfig;
import io.fraudtip.notification.domain.Alert;
import io.fraudtip.notification.domain.BankEndpoint;
import io.fraudtip.notification.domain.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The fast path of a new delivery: when the schedule starts at once, this instance's dispatcher
 * runs and the endpoint has a free slot or a place in its line ({@link EndpointSlots}, the limit
 * claims keep too), the delivery is written already leased to the dispatcher and handed to it in
 * memory right after the commit, so that it leaves without waiting for a claim (a transaction of
 * its own) or a poll: at once, or when an answer frees a slot. With no place left it is written
 * due, for the claim to take once a slot frees: the hand-off never sends more to an endpoint than
 * the limit. The database stays the source of truth: if the instance dies before the answer is
 * recorded, the lease ends and any dispatcher takes the row, as for a claimed one; retries are
 * claimed as usual.
 */
@ApplicationScoped
public class DeliveryHandOff {
  /** The lease a new delivery is written under when handed over (a claim would take lease 1). */
  private static final int FIRST_LEASE = 1;

  private final WebhookConfig config;
  private final TransactionSynchronizationRegistry transactions;
  private final DeliveryWakeUp wakeUp;
  private final DeliveryClaims claims;
  private final EndpointSlots slots;

  DeliveryHandOff(
      WebhookConfig config,
      TransactionSynchronizationRegistry transactions,
      DeliveryWakeUp wakeUp,
      DeliveryClaims claims,
      EndpointSlots slots) {
    this.config = config;
    this.transactions = transactions;
    this.wakeUp = wakeUp;
    this.claims = claims;
    this.slots = slots;
  }

  /** The deliveries scheduled in the caller's transaction. */
  public Batch batch() {
    return new Batch();
  }

  /** The new deliveries of one transaction, handed over once it commits. */
  public final class Batch {
    private final List<ClaimedDelivery> leased = new ArrayList<>();
    private final Map<UUID, List<String>> secrets = new HashMap<>();
    private boolean handingOver;

    /**
     * Sets a new delivery's first attempt: leased to this instance's dispatcher with a place at its
     * endpoint reserved, or due.
     */
    public void schedule(Delivery d, Alert alert, BankEndpoint endpoint, Instant now) {
      Duration first = config.retrySchedule().get(0);
      if (!first.isZero() || !wakeUp.taking()) {
        d.nextAttemptAt = now.plus(first);
        wakeUp.wakeAfterCommit();
        return;
      }
      if (!handingOver) {
        transactions.registerInterposedSynchronization(new HandOver());
        handingOver = true;
      }
      Instant leaseEnd = now.plusMillis(claims.leaseMs());
      ClaimedDelivery leasedDelivery =
          new ClaimedDelivery(
              d.id,
              d.webhookId,
              endpoint.id,
              endpoint.url,
              secrets.computeIfAbsent(endpoint.id, id -> claims.secretsOf(endpoint, now)),
              alert.payload,
              alert.eventType,
              alert.traceparent,
              alert.tracestate,
              leaseEnd.toEpochMilli(),
              FIRST_LEASE);
      if (!slots.reserve(endpoint.id)) {
        // Every slot of the endpoint and every place in its line is taken: due at once, claimed
        // when the line has emptied and an answer frees a slot (it wakes the dispatcher) or at the
        // poll, by this instance or another.
        d.nextAttemptAt = now;
        return;
      }
      d.nextAttemptAt = leaseEnd;
      d.lease = FIRST_LEASE;
      d.leased = true;
      leased.add(leasedDelivery);
    }

    /**
     * Hands the leased deliveries over once committed; otherwise (rolled back, or the dispatcher
     * stopped meanwhile: the rows come due after their lease) gives their slots back.
     */
    private final class HandOver implements Synchronization {
      @Override
      public void beforeCompletion() {}

      @Override
      public void afterCompletion(int status) {
        List<ClaimedDelivery> handed = List.copyOf(leased);
        if (handed.isEmpty() || status == Status.STATUS_COMMITTED && wakeUp.handOver(handed)) {
          return;
        }
        boolean claim = false;
        for (ClaimedDelivery c : handed) {
          claim |= slots.unreserve(c.endpointId());
        }
        if (claim) {
          wakeUp.wake();
        }
      }
    }
  }
}
