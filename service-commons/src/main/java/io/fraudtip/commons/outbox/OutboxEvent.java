package io.fraudtip.commons.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One event waiting to be, or already, published to Kafka. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {
  // Pooled ids (the sequence hands out blocks of 50; each service's migration sets it): rows
  // written by one transaction go to the database as one JDBC batch, which IDENTITY ids prevent.
  // Ids stay increasing within an instance, so the relay's order is unchanged there.
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_event_id")
  @SequenceGenerator(
      name = "outbox_event_id",
      sequenceName = "outbox_event_id_seq",
      allocationSize = 50)
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
