package io.fraudtip.commons.outbox;

import static io.fraudtip.commons.sql.ArrayRows.column;
import static io.fraudtip.commons.sql.ArrayRows.instant;

import io.fraudtip.commons.sql.ArrayRows;
import io.fraudtip.commons.tracing.TraceContexts;
import io.fraudtip.commons.tx.AfterCommit;
import io.fraudtip.contracts.Json;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Where services put the events they publish: in the same transaction as the change the event
 * describes, so that an event leaves if and only if its change is committed.
 */
@ApplicationScoped
public class Outbox {
  private static final Object WAKE_REGISTERED = new Object();

  /**
   * A batch's rows in one statement; ids from the column's default, in the messages' order (the
   * relay publishes by id).
   */
  private static final String INSERT_ALL =
      "INSERT INTO outbox_event (event_id, topic, record_key, event_type, payload, created_at,"
          + " trace_parent, trace_state)"
          + " SELECT event_id, topic, record_key, event_type, payload, created_at, trace_parent,"
          + " trace_state"
          + " FROM unnest(?, ?, ?, ?, ?, CAST(? AS timestamptz[]), ?, ?)"
          + " WITH ORDINALITY AS m(event_id, topic, record_key, event_type, payload, created_at,"
          + " trace_parent, trace_state, n) ORDER BY n";

  private final AfterCommit afterCommit;
  private final OutboxRelay relay;
  private final EntityManager em;

  Outbox(AfterCommit afterCommit, OutboxRelay relay, EntityManager em) {
    this.afterCommit = afterCommit;
    this.relay = relay;
    this.em = em;
  }

  /**
   * An event for {@link #publishAll}.
   *
   * @param payload the event as JSON (the caller may have written it already, for a row of its own)
   * @param trace the context the Kafka record continues (the request's that caused the event)
   */
  public record Message(
      String topic, String key, String eventType, UUID eventId, String payload, Context trace) {}

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

  /**
   * Records several events in the caller's transaction with one statement, where {@link #publish}
   * would take Hibernate's work for each row (a profile of intake-service's group commit at 200
   * tips/s found Hibernate's flush and persist in four fifths of its insert time); the relay is
   * woken when it commits. The rows skip the persistence context: a query in the same transaction
   * sees them, an entity lookup there does not. Their ids come from the sequence at once, not from
   * this instance's pooled block, so a topic keeps to one of the two methods: the relay's id order
   * is then the order its events were recorded in.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void publishAll(List<Message> messages) {
    if (messages.isEmpty()) {
      return;
    }
    Instant now = Instant.now();
    List<Row> rows =
        messages.stream()
            .map(
                m -> {
                  Map<String, String> trace = TraceContexts.of(m.trace());
                  return new Row(
                      m, trace.get(TraceContexts.TRACEPARENT), trace.get(TraceContexts.TRACESTATE));
                })
            .toList();
    em.unwrap(Session.class)
        .doWork(
            c ->
                ArrayRows.execute(
                    c,
                    INSERT_ALL,
                    rows,
                    column("uuid", (Row r) -> r.message().eventId()),
                    column("text", (Row r) -> r.message().topic()),
                    column("text", (Row r) -> r.message().key()),
                    column("text", (Row r) -> r.message().eventType()),
                    column("text", (Row r) -> r.message().payload()),
                    instant((Row r) -> now),
                    column("text", Row::traceParent),
                    column("text", Row::traceState)));
    wakeRelayAfterCommit();
  }

  /** A message with the trace headers its row keeps. */
  private record Row(Message message, String traceParent, String traceState) {}

  private void wakeRelayAfterCommit() {
    afterCommit.run(WAKE_REGISTERED, relay::wake);
  }
}
