package io.fraudtip.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One alert to one endpoint, with its attempts scheduled in the database. */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {
  @Id public UUID id;

  /**
   * The {@code webhook-id} header, {@link #webhookIdOf} its id: the same on every attempt and
   * replay.
   */
  @Column(name = "webhook_id", nullable = false)
  public String webhookId;

  @Column(name = "alert_id", nullable = false)
  public UUID alertId;

  @Column(name = "endpoint_id", nullable = false)
  public UUID endpointId;

  @Column(name = "bank_bin", nullable = false)
  public String bankBin;

  @Column(name = "event_type", nullable = false)
  public String eventType;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public DeliveryState state;

  /** Attempts in the current round (a replay starts a new round). */
  @Column(nullable = false)
  public int attempts;

  @Column(name = "total_attempts", nullable = false)
  public int totalAttempts;

  @Column(name = "next_attempt_at")
  public Instant nextAttemptAt;

  @Column(name = "last_attempt_at")
  public Instant lastAttemptAt;

  @Column(name = "last_status")
  public Integer lastStatus;

  @Column(name = "last_error")
  public String lastError;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "completed_at")
  public Instant completedAt;

  /** The lease of the delivery's latest attempt: each claim or hand-off takes the next. */
  @Column(nullable = false)
  public int lease;

  /** Whether an attempt under {@link #lease} is awaiting its answer. */
  @Column(nullable = false)
  public boolean leased;

  /** The webhook-id of a delivery: {@code msg_} and its id without dashes. */
  public static String webhookIdOf(UUID id) {
    return "msg_" + id.toString().replace("-", "");
  }

  /** The delivery, if the caller's bank may see it. */
  public static Optional<Delivery> visibleTo(UUID id, Optional<String> bankBin) {
    return visibleTo(id, bankBin, LockModeType.NONE);
  }

  /** {@link #visibleTo(UUID, Optional)}, its row read under the lock given. */
  public static Optional<Delivery> visibleTo(UUID id, Optional<String> bankBin, LockModeType lock) {
    return Delivery.<Delivery>findByIdOptional(id, lock)
        .filter(d -> bankBin.isEmpty() || bankBin.get().equals(d.bankBin));
  }
}
