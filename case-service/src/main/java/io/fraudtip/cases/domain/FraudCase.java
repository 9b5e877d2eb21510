package io.fraudtip.cases.domain;

import io.fraudtip.contracts.cases.CaseStatus;
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

/** A case: the tips that share scammer identifiers. */
@Entity
@Table(name = "fraud_case")
public class FraudCase extends PanacheEntityBase {
  @Id public UUID id;

  @Column(nullable = false, unique = true)
  public String reference;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public CaseStatus status;

  @Column(name = "unit_code")
  public String unitCode;

  @Column(name = "opened_at", nullable = false)
  public Instant openedAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version public long version;
}
