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

/** A bank's answer to an alert about one of the case's accounts. */
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
}
