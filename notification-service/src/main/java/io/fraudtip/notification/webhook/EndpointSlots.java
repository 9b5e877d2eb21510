package io.fraudtip.notification.webhook;

import io.fraudtip.commons.sql.PgArrays;
import io.fraudtip.commons.tx.AfterCommit;
import io.fraudtip.notification.config.WebhookConfig;
import io.fraudtip.notification.domain.EndpointDisabled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The per-endpoint limit of requests in flight ({@code max-in-flight-per-endpoint}, per instance),
 * one count for the two ways a delivery reaches the dispatcher: a place reserved by the hand-off
 * when a new delivery is written ({@link DeliveryHandOff}: leased to this instance, handed over
 * after the commit) and a slot taken by a claim from the database ({@link DeliveryClaims}). A
 * delivery handed over while every slot is taken waits here, in memory and leased, for a slot
 * ({@code max-waiting-per-endpoint} at most); a new delivery that finds no place is written due and
 * waits for the claim. A slow or dead bank holds only its own slots and never more than the limit.
 */
@ApplicationScoped
class EndpointSlots {
  /**
   * One endpoint's slots: requests in flight; places reserved for new deliveries not sent yet (in
   * their transaction, handed over, or waiting); and the deliveries waiting for a slot.
   */
  static final class Slots {
    private final AtomicInteger sending = new AtomicInteger();
    private final AtomicInteger reserved = new AtomicInteger();
    private final Queue<ClaimedDelivery> waiting = new ConcurrentLinkedQueue<>();
    // Set when a new delivery found no place and was written due, or one waited too long and was
    // made due: until the line has emptied, new deliveries take only free slots (the others are
    // written due, in line with those rows for the claim, oldest first), and once it has, a claim
    // takes them.
    private volatile boolean overflowed;

    private int taken() {
      return sending.get() + reserved.get();
    }

    /**
     * None waits in memory and no place is reserved for one still to be handed over: a line that
     * looked empty while a reserved delivery was in its transaction lost its mark, and once that
     * delivery had waited and left no claim took the due rows until the poll.
     */
    private boolean lineEmpty() {
      return waiting.isEmpty() && reserved.get() == 0;
    }

    private void unreserve() {
      // Never below zero: a reservation made before the dispatcher restarted is not counted here.
      reserved.updateAndGet(r -> Math.max(0, r - 1));
    }
  }

  /** What the dispatcher is to do once a request's slot is free. */
  enum Freed {
    /** Nothing: none of the endpoint's deliveries waits in memory, and it had a free slot. */
    NOTHING,
    /** Send the deliveries waiting in memory for the slot. */
    SEND_WAITING,
    /** Claim from the database: the endpoint was full, so due rows of it may be waiting. */
    CLAIM
  }

  /** The key of an endpoint's line dropped after a transaction's commit. */
  private record Forget(UUID endpointId) {}

  private final int max;
  private final int maxWaiting;
  private final AfterCommit afterCommit;
  private volatile Map<UUID, Slots> slots = new ConcurrentHashMap<>();

  EndpointSlots(WebhookConfig config, AfterCommit afterCommit) {
    this.max = config.maxInFlightPerEndpoint();
    this.maxWaiting = config.maxWaitingPerEndpoint();
    this.afterCommit = afterCommit;
  }

  /**
   * Forgets every count and every delivery waiting (their leases make them due): a dispatcher
   * starting again knows only the database. The answers of requests abandoned before free the old
   * slots, not the new ones.
   */
  void reset() {
    slots = new ConcurrentHashMap<>();
  }

  /** The endpoint's slots, to free one when the request sent on it is answered. */
  Slots of(UUID endpointId) {
    return slots.computeIfAbsent(endpointId, k -> new Slots());
  }

  /**
   * Reserves a place for a new delivery to hand over: a slot, or a place among those waiting for
   * one; false when both are full.
   */
  boolean reserve(UUID endpointId) {
    Slots s = of(endpointId);
    int places = s.overflowed ? max : max + maxWaiting;
    for (int r = s.reserved.get(); s.sending.get() + r < places; r = s.reserved.get()) {
      if (s.reserved.compareAndSet(r, r + 1)) {
        return true;
      }
    }
    s.overflowed = true;
    return false;
  }

  /**
   * Gives a reservation up: its transaction rolled back, or the dispatcher stopped before it was
   * handed over.
   *
   * @return whether a claim may now take due rows of the endpoint: it had no free slot, or this was
   *     the last place reserved in the line of an endpoint that had made deliveries due
   */
  boolean unreserve(UUID endpointId) {
    Slots s = of(endpointId);
    boolean full = s.taken() >= max;
    s.unreserve();
    return full || s.overflowed && s.lineEmpty();
  }

  /** A delivery handed over, in line for a slot of its endpoint (its reservation kept). */
  void queue(ClaimedDelivery d) {
    of(d.endpointId()).waiting.add(d);
  }

  /**
   * Takes the deliveries waiting, in order, as far as their endpoints have free slots; each becomes
   * a request in flight when {@code send} accepts it, and is dropped (its lease is to be given up)
   * when not. The dispatcher's thread only, the one that adds requests in flight, so that they
   * never exceed the limit.
   *
   * @return whether the line of an endpoint that had made deliveries due is empty, so that a claim
   *     may take them
   */
  boolean admitWaiting(Predicate<ClaimedDelivery> send) {
    boolean overflowedLineEmptied = false;
    for (Slots s : slots.values()) {
      while (s.sending.get() < max && !s.waiting.isEmpty()) {
        ClaimedDelivery d = s.waiting.poll();
        if (d == null) {
          break;
        }
        s.unreserve();
        if (send.test(d)) {
          s.sending.incrementAndGet();
        } else {
          s.overflowed = true;
        }
      }
      if (s.overflowed && s.lineEmpty()) {
        s.overflowed = false;
        overflowedLineEmptied = true;
      }
    }
    return overflowedLineEmptied;
  }

  /**
   * An endpoint disabled (a 410, failing too long, or by its bank): the deliveries waiting for it
   * are dropped once that commits.
   */
  void onDisabled(@Observes EndpointDisabled disabled) {
    afterCommit.run(new Forget(disabled.endpointId()), () -> forget(disabled.endpointId()));
  }

  /**
   * Drops the deliveries waiting for an endpoint: their leases end, and claims take no row of an
   * inactive endpoint.
   */
  void forget(UUID endpointId) {
    Slots s = slots.get(endpointId);
    if (s == null) {
      return;
    }
    while (s.waiting.poll() != null) {
      s.unreserve();
    }
  }

  /** Counts a claimed delivery in flight (the dispatcher's thread only). */
  void take(UUID endpointId) {
    of(endpointId).sending.incrementAndGet();
  }

  /** Slots taken on the endpoint: in flight and reserved. */
  int taken(UUID endpointId) {
    Slots s = slots.get(endpointId);
    return s == null ? 0 : s.taken();
  }

  /** The endpoints with no free slot, as a PostgreSQL {@code uuid[]} literal. */
  String full() {
    return PgArrays.of(
        slots.entrySet().stream()
            .filter(e -> e.getValue().taken() >= max)
            .map(Map.Entry::getKey)
            .toList());
  }

  /** Frees a slot: the bank has answered (or will not). */
  Freed release(Slots s) {
    boolean full = s.sending.getAndDecrement() + s.reserved.get() >= max;
    if (!s.waiting.isEmpty()) {
      return Freed.SEND_WAITING;
    }
    return full ? Freed.CLAIM : Freed.NOTHING;
  }

  /** The limit per endpoint. */
  int max() {
    return max;
  }
}
