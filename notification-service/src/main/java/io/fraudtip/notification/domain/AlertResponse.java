package io.fraudtip.notification.domain;

import io.fraudtip.contracts.alerts.AlertOutcome;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A bank's answer to an alert. One answer per alert is current in each line of {@link
 * AlertOutcome#supersedes} (what the bank did with the money; what it returned): a new answer
 * supersedes the current one of its line, which stays as history.
 */
@Entity
@Table(name = "alert_response")
public class AlertResponse extends PanacheEntityBase {
  @Id public UUID id;

  @Column(name = "alert_id", nullable = false)
  public UUID alertId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public AlertOutcome outcome;

  @Column(name = "frozen_amount_vnd", nullable = false)
  public long frozenAmountVnd;

  @Column(name = "restored_amount_vnd", nullable = false)
  public long restoredAmountVnd;

  @Column(name = "responded_by", nullable = false)
  public String respondedBy;

  @Column(name = "responded_at", nullable = false)
  public Instant respondedAt;

  /** The bank's Idempotency-Key, when it sent one: a retry with it gets this answer back. */
  @Column(name = "idempotency_key")
  public String idempotencyKey;

  /** SHA-256 of the answer as sent with the key, to tell a retry from a key used twice. */
  @Column(name = "request_hash")
  public String requestHash;

  /** The answer that replaced this one; null while this one is current. */
  @Column(name = "superseded_by")
  public UUID supersededBy;

  /** When it was replaced; null while this one is current. */
  @Column(name = "superseded_at")
  public Instant supersededAt;

  /**
   * The current answers about an account, to any of its alerts: what the account holds may be told
   * on the advisory or on the freeze order.
   */
  public static List<AlertResponse> currentOfAccount(String bankBin, String accountNumber) {
    return getEntityManager()
        .createQuery(
            "select r from AlertResponse r, Alert a where r.alertId = a.id and a.bankBin = ?1"
                + " and a.accountNumber = ?2 and r.supersededAt is null",
            AlertResponse.class)
        .setParameter(1, bankBin)
        .setParameter(2, accountNumber)
        .getResultList();
  }

  /** The current answers to an alert: at most one per line. */
  public static List<AlertResponse> current(UUID alertId) {
    return list("alertId = ?1 and supersededAt is null", alertId);
  }

  /** Marks this answer replaced by {@code later}. */
  public void supersede(UUID later, Instant at) {
    supersededBy = later;
    supersededAt = at;
  }

  /** The earlier answer to an alert sent with this Idempotency-Key, if any. */
  public static Optional<AlertResponse> byKey(UUID alertId, String key) {
    return find("alertId = ?1 and idempotencyKey = ?2", alertId, key).firstResultOptional();
  }

  /** The alert-responses.v1 payload. */
  @Column(nullable = false)
  public String payload;
}
