package io.fraudtip.cases.disputes;

import io.fraudtip.cases.api.DisputeViews;
import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.cases.routing.PoliceUnit;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A holder's or bank's challenge to a listed identifier, decided by the case's unit. */
@Entity
@Table(name = "dispute")
public class Dispute extends PanacheEntityBase {
  @Id public UUID id;

  @Column(name = "case_id", nullable = false)
  public UUID caseId;

  @Column(name = "identifier_id", nullable = false)
  public Long identifierId;

  /** HOLDER or BANK. */
  @Column(name = "filed_by", nullable = false)
  public String filedBy;

  @Column(name = "bank_bin")
  public String bankBin;

  @Column(nullable = false)
  public String reason;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public DisputeViews.Status status;

  @Column(name = "filed_at", nullable = false)
  public Instant filedAt;

  @Column(name = "decided_at")
  public Instant decidedAt;

  @Column(name = "decided_by")
  public String decidedBy;

  @Column(name = "decision_note")
  public String decisionNote;

  /** The unit an escalation gave the dispute to; null while the case's unit decides. */
  @Column(name = "deciding_unit")
  public String decidingUnit;

  /** By when the deciding unit must decide; past it the dispute escalates (SPEC §10). */
  @Column(name = "decide_by")
  public Instant decideBy;

  /** How many times the dispute escalated; the last one's from and when follow. */
  @Column(nullable = false)
  public int escalations;

  @Column(name = "escalated_from")
  public String escalatedFrom;

  @Column(name = "escalated_at")
  public Instant escalatedAt;

  /** When the top unit let the deadline pass, with no parent to take the dispute. */
  @Column(name = "overdue_at")
  public Instant overdueAt;

  /**
   * The unit that decides: the one the dispute escalated to while the case is in its tree, else the
   * case's unit (an escalation never takes a dispute away from a unit above the case's, and a case
   * transferred out of the escalated unit's tree takes its disputes along).
   */
  public PoliceUnit decider(FraudCase c) {
    PoliceUnit caseUnit = c == null || c.unitCode == null ? null : PoliceUnit.findById(c.unitCode);
    PoliceUnit escalated = decidingUnit == null ? null : PoliceUnit.findById(decidingUnit);
    if (escalated != null && (caseUnit == null || escalated.covers(caseUnit))) {
      return escalated;
    }
    return caseUnit;
  }

  /** Open past its deadline: waiting for an escalation, or at the top unit with none left. */
  public boolean overdue(Instant now) {
    return status == DisputeViews.Status.OPEN
        && (overdueAt != null || (decideBy != null && decideBy.isBefore(now)));
  }
}
