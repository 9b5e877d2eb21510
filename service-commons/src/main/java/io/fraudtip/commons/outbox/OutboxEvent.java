package io.fraudtip.commons.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One event waiting to be, or already, published to Kafka. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "event_id", nullable = false, unique = true)
  public UUID eventId;

  @Column(nullable = false)
  public String topic;

  @Column(name = "record_key", nullable = false)
  public String recordKey;

  @Column(name = "event_type", nullable = false)
  public String eventType;

  @Column(nullable = false)
  public String payload;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "published_at")
  public Instant publishedAt;

  /** W3C traceparent of the writing transaction's span; null when tracing is off. */
  @Column(name = "trace_parent")
  public String traceParent;

  /** W3C tracestate that goes with {@link #traceParent}; usually null. */
  @Column(name = "trace_state")
  public String traceState;
}
