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
 * The case's held and restored totals count each account once ({@link #currentTotals}).
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

  /**
   * The case's held and restored totals: per account, the largest held and the largest restored
   * amount among the current answers to its alerts, summed over the accounts. An answer tells what
   * the account holds, whichever of its alerts it answers: the same 30M told on the advisory and
   * again on the freeze order is 30M held, not 60M (each alert keeps its own current answer, SPEC
   * §10). An answer that names no account counts on its own.
   */
  static long[] currentTotals(UUID caseId) {
    Object[] sums =
        (Object[])
            getEntityManager()
                .createNativeQuery(
                    "SELECT coalesce(sum(f), 0), coalesce(sum(r), 0) FROM (SELECT"
                        + " max(frozen_vnd) AS f, max(restored_vnd) AS r FROM bank_response"
                        + " WHERE case_id = :c AND superseded_at IS NULL"
                        + " GROUP BY coalesce(bank_bin || ':' || account_number,"
                        + " CAST(response_id AS text))) AS per_account")
                .setParameter("c", caseId)
                .getSingleResult();
    return new long[] {((Number) sums[0]).longValue(), ((Number) sums[1]).longValue()};
  }
}
