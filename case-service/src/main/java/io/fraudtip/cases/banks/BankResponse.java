package io.fraudtip.cases.banks;

import io.fraudtip.contracts.alerts.AlertOutcome;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A bank's answer to an alert about one of the case's accounts. One answer per alert is current in
 * each line of {@link AlertOutcome#supersedes}; a later one supersedes it and it stays as history.
 * The case's held and restored totals are the sums over its current answers.
 */
@Entity
@Table(name = "bank_response")
public class BankResponse extends PanacheEntityBase {
  @Id
  @Column(name = "response_id")
  public UUID responseId;

  /** The alert answered; null for answers stored before it was kept. */
  @Column(name = "alert_id")
  public UUID alertId;

  @Column(name = "case_id", nullable = false)
  public UUID caseId;

  @Column(name = "bank_bin", nullable = false)
  public String bankBin;

  @Column(name = "account_number", nullable = false)
  public String accountNumber;

  @Column(nullable = false)
  public int layer;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public AlertOutcome outcome;

  @Column(name = "frozen_vnd", nullable = false)
  public long frozenVnd;

  @Column(name = "restored_vnd", nullable = false)
  public long restoredVnd;

  @Column(name = "responded_at", nullable = false)
  public Instant respondedAt;

  /** The answer that replaced this one; null while this one is current. */
  @Column(name = "superseded_by")
  public UUID supersededBy;

  /** When it was replaced; null while this one is current. */
  @Column(name = "superseded_at")
  public Instant supersededAt;

  /** Marks the current answers to the same alert that {@code later} replaces. */
  static void supersede(BankResponse later) {
    if (later.alertId == null) {
      return; // answers stored before alert ids were kept have no line to replace
    }
    BankResponse.<BankResponse>list("alertId = ?1 and supersededAt is null", later.alertId).stream()
        .filter(r -> later.outcome.supersedes(r.outcome))
        .forEach(
            r -> {
              r.supersededBy = later.responseId;
              r.supersededAt = later.respondedAt;
            });
  }

  /** The sums of the held and restored amounts of a case's current answers. */
  static long[] currentTotals(UUID caseId) {
    Object[] sums =
        getEntityManager()
            .createQuery(
                "select coalesce(sum(b.frozenVnd), 0), coalesce(sum(b.restoredVnd), 0)"
                    + " from BankResponse b where b.caseId = :c and b.supersededAt is null",
                Object[].class)
            .setParameter("c", caseId)
            .getSingleResult();
    return new long[] {((Number) sums[0]).longValue(), ((Number) sums[1]).longValue()};
  }
}
