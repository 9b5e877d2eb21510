package io.fraudtip.cases.core;

import io.fraudtip.contracts.cases.CaseStatus;
import io.fraudtip.contracts.cases.Closure;
import io.fraudtip.contracts.tips.ScamType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A case: the tips that share scammer identifiers, their totals and where the case stands. */
@Entity
@Table(name = "fraud_case")
public class FraudCase extends PanacheEntityBase {
  @Id public UUID id;

  @Column(nullable = false, unique = true)
  public String reference;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public CaseStage stage;

  /** Public status, always {@code stage.status()}; kept as a column for queries. */
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public CaseStatus status;

  @Enumerated(EnumType.STRING)
  public Closure closure;

  @Column(name = "unit_code")
  public String unitCode;

  /** The rule behind the current assignment; null after a manual transfer or an escalation. */
  @Column(name = "rule_id")
  public String ruleId;

  /** 1 is the most urgent. */
  @Column(nullable = false)
  public int priority;

  @Enumerated(EnumType.STRING)
  @Column(name = "scam_type", nullable = false)
  public ScamType scamType;

  /** The province of the first tip. */
  @Column(name = "province_code", nullable = false)
  public String provinceCode;

  @Column(name = "commune_code")
  public String communeCode;

  /** Tips in the case (reports; what statistics and the case view call victims). */
  @Column(nullable = false)
  public int victims;

  /**
   * Independent sources among the tips, as the trust model counts them (SPEC §10): one caller
   * repeating a tip is one. Priority and routing's {@code minVictims} read this, not {@link
   * #victims}.
   */
  @Column(name = "independent_sources", nullable = false)
  public int independentSources;

  @Column(nullable = false)
  public int provinces;

  @Column(name = "total_loss_vnd", nullable = false)
  public long totalLossVnd;

  @Column(name = "latest_transfer_at")
  public Instant latestTransferAt;

  @Column(name = "foreign_identifier", nullable = false)
  public boolean foreignIdentifier;

  @Column(name = "crypto_wallet", nullable = false)
  public boolean cryptoWallet;

  @Column(name = "frozen_vnd", nullable = false)
  public long frozenVnd;

  @Column(name = "restored_vnd", nullable = false)
  public long restoredVnd;

  @Column(name = "merged_into")
  public UUID mergedInto;

  @Column(name = "opened_at", nullable = false)
  public Instant openedAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Column(name = "assigned_at")
  public Instant assignedAt;

  @Column(name = "acknowledged_at")
  public Instant acknowledgedAt;

  @Column(name = "ack_due_at")
  public Instant ackDueAt;

  @Column(name = "legal_due_at", nullable = false)
  public Instant legalDueAt;

  @Column(name = "closed_at")
  public Instant closedAt;

  /** When the unit marked the case complex (two months from receipt instead of 20 days). */
  @Column(name = "complex_at")
  public Instant complexAt;

  /** When the legal deadline of the complex case was extended (once, by two months). */
  @Column(name = "legal_extended_at")
  public Instant legalExtendedAt;

  /** A case closed as unfounded whose identifiers this case's tips named again (SPEC §10). */
  @Column(name = "refers_to_case_id")
  public UUID refersToCaseId;

  @Version public long version;

  /**
   * Moves the case to another stage.
   *
   * @throws IllegalTransitionException when the state machine does not allow it
   */
  public void moveTo(CaseStage target) {
    if (!stage.canMoveTo(target)) {
      throw new IllegalTransitionException(stage, target);
    }
    stage = target;
    status = target.status();
  }
}
