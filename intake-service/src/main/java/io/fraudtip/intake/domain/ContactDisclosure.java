package io.fraudtip.intake.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Intake's own record of each reporter contact it disclosed, keyed by case-service's access-log id:
 * the two logs can be checked against each other, and a read id is served once.
 */
@Entity
@Table(name = "contact_disclosure")
public class ContactDisclosure extends PanacheEntityBase {
  @Id
  @Column(name = "read_id")
  public UUID readId;

  @Column(name = "tip_id", nullable = false)
  public UUID tipId;

  @Column(name = "case_reference", nullable = false)
  public String caseReference;

  @Column(name = "unit_code", nullable = false)
  public String unitCode;

  @Column(nullable = false)
  public String officer;

  @Column(name = "disclosed_at", nullable = false)
  public Instant disclosedAt;
}
