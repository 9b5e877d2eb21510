package io.fraudtip.cases.core;

import io.fraudtip.contracts.tips.ScamType;
import io.fraudtip.contracts.tips.TrustLevel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A tip as the case-service keeps it: which case holds it, its facts and the event received. */
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

  @Column(name = "commune_code")
  public String communeCode;

  @Enumerated(EnumType.STRING)
  @Column(name = "scam_type", nullable = false)
  public ScamType scamType;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public TrustLevel trust;

  @Column(name = "amount_lost_vnd", nullable = false)
  public long amountLostVnd;

  @Column(name = "latest_transfer_at")
  public Instant latestTransferAt;

  /** The tips.v1 payload as received. */
  @Column(nullable = false)
  public String payload;

  public static List<CaseTip> ofCase(UUID caseId) {
    return list("caseId = ?1 order by receivedAt", caseId);
  }

  public static List<UUID> idsOfCase(UUID caseId) {
    return getEntityManager()
        .createQuery(
            "select t.tipId from CaseTip t where t.caseId = :c order by t.receivedAt", UUID.class)
        .setParameter("c", caseId)
        .getResultList();
  }
}
