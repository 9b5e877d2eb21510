package io.fraudtip.cases.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A tip as the case-service keeps it: which case holds it, and the tip event as received. */
@Entity
@Table(name = "case_tip")
public class CaseTip extends PanacheEntityBase {
  @Id
  @Column(name = "tip_id")
  public UUID tipId;

  @Column(name = "case_id", nullable = false)
  public UUID caseId;

  @Column(name = "received_at", nullable = false)
  public Instant receivedAt;

  @Column(name = "province_code", nullable = false)
  public String provinceCode;

  @Column(name = "amount_lost_vnd", nullable = false)
  public long amountLostVnd;

  @Column(nullable = false)
  public String payload;

  public static List<CaseTip> ofCase(UUID caseId) {
    return list("caseId", caseId);
  }
}
