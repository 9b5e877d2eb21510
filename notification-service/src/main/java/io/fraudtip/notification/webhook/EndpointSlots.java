package io.fraudtip.notification.webhook;

import io.fraudtip.commons.sql.PgArrays;
import io.fraudtip.notification.config.WebhookConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The per-endpoint limit of requests in flight ({@code max-in-flight-per-endpoint}, per instance),
 * one count for the two ways a delivery reaches the dispatcher: a slot reserved by the hand-off
 * when a new delivery is written ({@link DeliveryHandOff}: leased to this instance, handed over
 * after the commit) and a slot taken by a claim from the database ({@link DeliveryClaims}). A new
 * delivery that finds no free slot is written due and waits for the claim, so that a slow or dead
 * bank holds only its own slots and never more of them than the limit.
 */
@ApplicationScoped
class EndpointSlots {
  /** One endpoint's slots: requests in flight, and slots reserved for deliveries not sent yet. */
  static final class Slots {
    private final AtomicInteger sending = new AtomicInteger();
    private final AtomicInteger reserved = new AtomicInteger();

    private int taken() {
      return sending.get() + reserved.get();
    }

    private void unreserve() {
      // Never below zero: a reservation made before the dispatcher restarted is not counted here.
      reserved.updateAndGet(r -> Math.max(0, r - 1));
    }
  }

  private final int max;
  private volatile Map<UUID, Slots> slots = new ConcurrentHashMap<>();

  EndpointSlots(WebhookConfig config) {
    this.max = config.maxInFlightPerEndpoint();
  }

  /**
   * Forgets every count: a dispatcher starting again knows only the database. The answers of
   * requests abandoned before free the old slots, not the new ones.
   */
  void reset() {
    slots = new ConcurrentHashMap<>();
  }

  /** The endpoint's slots, to free one when the request sent on it is answered. */
  Slots of(UUID endpointId) {
    return slots.computeIfAbsent(endpointId, k -> new Slots());
  }

  /** Reserves a slot for a new delivery to hand over; false when every slot is taken. */
  boolean reserve(UUID endpointId) {
    Slots s = of(endpointId);
    for (int r = s.reserved.get(); s.sending.get() + r < max; r = s.reserved.get()) {
      if (s.reserved.compareAndSet(r, r + 1)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Gives a reservation up: its transaction rolled back, or the dispatcher stopped before it was
   * handed over.
   *
   * @return whether the endpoint had no free slot, so that due rows of it may be waiting
   */
  boolean unreserve(UUID endpointId) {
    Slots s = of(endpointId);
    boolean full = s.taken() >= max;
    s.unreserve();
    return full;
  }

  /**
   * A delivery handed over: its reservation becomes a request in flight, unless claims took the
   * endpoint's slots meanwhile (then it is given up). The dispatcher's thread only, the one that
   * adds requests in flight, so that they never exceed the limit.
   *
   * @return whether to send it now
   */
  boolean admit(UUID endpointId) {
    Slots s = of(endpointId);
    boolean free = s.sending.get() < max;
    if (free) {
      s.sending.incrementAndGet();
    }
    s.unreserve();
    return free;
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

  /**
   * Frees a slot: the bank has answered (or will not).
   *
   * @return whether the endpoint had no free slot, so that due rows of it may be waiting
   */
  boolean release(Slots s) {
    return s.sending.getAndDecrement() + s.reserved.get() >= max;
  }

  /** The limit per endpoint. */
  int max() {
    return max;
  }
}
