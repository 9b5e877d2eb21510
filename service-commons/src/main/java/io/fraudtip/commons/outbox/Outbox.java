package io.fraudtip.commons.outbox;

import io.fraudtip.commons.tracing.TraceContexts;
import io.fraudtip.commons.tx.AfterCommit;
import io.fraudtip.contracts.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * Where services put the events they publish: in the same transaction as the change the event
 * describes, so that an event leaves if and only if its change is committed.
 */
@ApplicationScoped
public class Outbox {
  private static final Object WAKE_REGISTERED = new Object();

  private final AfterCommit afterCommit;
  private final OutboxRelay relay;

  Outbox(AfterCommit afterCommit, OutboxRelay relay) {
    this.afterCommit = afterCommit;
    this.relay = relay;
  }

  /**
   * Records an event in the caller's transaction; the relay is woken when it commits. The current
   * trace context goes with it, so the Kafka record continues the caller's trace.
   *
   * @return the event id (the CloudEvent id consumers dedupe on)
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public UUID publish(String topic, String key, String eventType, UUID eventId, Object payload) {
    OutboxEvent event = new OutboxEvent();
    event.eventId = eventId;
    event.topic = topic;
    event.recordKey = key;
    event.eventType = eventType;
    event.payload = Json.write(payload);
    event.createdAt = Instant.now();
    // The relay publishes later on its own thread: keep the trace to continue it there.
    var trace = TraceContexts.current();
    event.traceParent = trace.get(TraceContexts.TRACEPARENT);
    event.traceState = trace.get(TraceContexts.TRACESTATE);
    event.persist();
    wakeRelayAfterCommit();
    return eventId;
  }

  private void wakeRelayAfterCommit() {
    afterCommit.run(WAKE_REGISTERED, relay::wake);
  }
}
