package io.fraudtip.cases.disputes;

import io.fraudtip.cases.api.DisputeViews;
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
}
