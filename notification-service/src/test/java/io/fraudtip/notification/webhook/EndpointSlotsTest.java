package io.fraudtip.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudtip.notification.config.WebhookConfig;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The slots of one endpoint, driven call by call in the order the hand-off, the dispatcher and the
 * bank's answers can make them, where a running service leaves that order to chance.
 */
class EndpointSlotsTest {
  private static final int MAX = 4;
  private static final int WAITING = 2;

  private final EndpointSlots slots = new EndpointSlots(config(MAX, WAITING), null);
  private final UUID endpoint = UUID.randomUUID();

  @Test
  void aLineThatEmptiesAfterItsLastReservedDeliveryArrivedAsksForAClaimOfTheDueOnes() {
    overflowWhileTheLineIsReserved();
    // The dispatcher looks before the two are handed over: nothing waits in memory yet, but the
    // line has not emptied, since two are still to come.
    assertThat(slots.admitWaiting(d -> true)).isFalse();
    for (int i = 0; i < WAITING; i++) {
      slots.queue(delivery());
    }
    // Every request in flight is answered before the dispatcher next looks.
    EndpointSlots.Slots s = slots.of(endpoint);
    for (int i = 0; i < MAX; i++) {
      assertThat(slots.release(s)).isEqualTo(EndpointSlots.Freed.SEND_WAITING);
    }
    // The two go out and the line has emptied: the due delivery is to be claimed now, not at the
    // next poll (no answer to come finds the endpoint full to ask for it).
    assertThat(slots.admitWaiting(d -> true)).isTrue();
    assertThat(slots.taken(endpoint)).isEqualTo(WAITING);
    for (int i = 0; i < WAITING; i++) {
      assertThat(slots.release(s)).isEqualTo(EndpointSlots.Freed.NOTHING);
    }
  }

  @Test
  void aLineThatEmptiesOnceItsWaitingDeliveriesLeaveAsksForAClaimOnce() {
    reserveAndSend(MAX);
    for (int i = 0; i < WAITING; i++) {
      assertThat(slots.reserve(endpoint)).isTrue();
      slots.queue(delivery());
    }
    assertThat(slots.reserve(endpoint)).isFalse();
    EndpointSlots.Slots s = slots.of(endpoint);
    assertThat(slots.release(s)).isEqualTo(EndpointSlots.Freed.SEND_WAITING);
    // One slot free, two waiting: one goes, the other still waits.
    assertThat(slots.admitWaiting(d -> true)).isFalse();
    assertThat(slots.release(s)).isEqualTo(EndpointSlots.Freed.SEND_WAITING);
    assertThat(slots.admitWaiting(d -> true)).isTrue();
    // Asked once: the mark is cleared with the claim it asked for.
    assertThat(slots.admitWaiting(d -> true)).isFalse();
  }

  @Test
  void theLastReservedPlaceOfAnOverflowedLineGivenBackAsksForAClaim() {
    overflowWhileTheLineIsReserved();
    // Every request in flight answered while the two reserved are still in their transactions.
    EndpointSlots.Slots s = slots.of(endpoint);
    for (int i = 0; i < MAX; i++) {
      slots.release(s);
    }
    // Both roll back: the endpoint has free slots, and the second empties its line, so the rows
    // written due are to be claimed now rather than at the next poll.
    assertThat(slots.unreserve(endpoint)).isFalse();
    assertThat(slots.unreserve(endpoint)).isTrue();
    assertThat(slots.admitWaiting(d -> true)).isTrue();
  }

  /**
   * Every slot taken by a request in flight, the places in line reserved by new deliveries whose
   * transactions have not committed yet, and one more that finds no place: written due, for a claim
   * once the line has emptied.
   */
  private void overflowWhileTheLineIsReserved() {
    reserveAndSend(MAX);
    for (int i = 0; i < WAITING; i++) {
      assertThat(slots.reserve(endpoint)).isTrue();
    }
    assertThat(slots.reserve(endpoint)).isFalse();
  }

  /** Takes {@code n} slots as the hand-off does: reserved in the transaction, then sent. */
  private void reserveAndSend(int n) {
    for (int i = 0; i < n; i++) {
      assertThat(slots.reserve(endpoint)).isTrue();
      slots.queue(delivery());
    }
    assertThat(slots.admitWaiting(d -> true)).isFalse();
    assertThat(slots.taken(endpoint)).isEqualTo(n);
  }

  private ClaimedDelivery delivery() {
    UUID id = UUID.randomUUID();
    return new ClaimedDelivery(
        id,
        "msg_" + id,
        endpoint,
        "http://localhost/webhook",
        List.of(),
        "{}",
        "alert.created",
        null,
        null,
        Long.MAX_VALUE,
        1);
  }

  /**
   * The two limits the slots read; nothing else of the configuration is asked for (the mapping
   * itself would need Quarkus's converters for its durations).
   */
  private static WebhookConfig config(int max, int waiting) {
    return (WebhookConfig)
        Proxy.newProxyInstance(
            WebhookConfig.class.getClassLoader(),
            new Class<?>[] {WebhookConfig.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "maxInFlightPerEndpoint" -> max;
                  case "maxWaitingPerEndpoint" -> waiting;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}
