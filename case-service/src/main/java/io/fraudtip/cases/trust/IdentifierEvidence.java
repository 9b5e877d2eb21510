package io.fraudtip.cases.trust;

import io.fraudtip.contracts.tips.IdentifierType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One stored piece of evidence on an identifier (see {@link Fact} for the fields). */
@Entity
@Table(name = "identifier_evidence")
public class IdentifierEvidence extends PanacheEntityBase {
  // Pooled ids (blocks of 50, V1.15.0): a batch's rows go to the database as JDBC batches.
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "identifier_evidence_id")
  @SequenceGenerator(
      name = "identifier_evidence_id",
      sequenceName = "identifier_evidence_id_seq",
      allocationSize = 50)
  public Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public IdentifierType type;

  @Column(nullable = false)
  public String value;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public EvidenceKind kind;

  @Column(nullable = false)
  public Instant at;

  @Column(name = "case_id")
  public UUID caseId;

  @Column(name = "tip_id")
  public UUID tipId;

  @Column(name = "reporter_key")
  public String reporterKey;

  @Column(name = "client_key")
  public String clientKey;

  @Column(name = "address_key")
  public String addressKey;

  @Column(nullable = false)
  public boolean verified;

  @Column(name = "with_transfers", nullable = false)
  public boolean withTransfers;

  public String actor;

  public Integer layer;

  public String note;

  Fact fact(String caseReference) {
    return new Fact(
        kind,
        at,
        tipId,
        reporterKey,
        clientKey,
        addressKey,
        verified,
        withTransfers,
        actor,
        layer,
        note,
        caseReference);
  }
}
