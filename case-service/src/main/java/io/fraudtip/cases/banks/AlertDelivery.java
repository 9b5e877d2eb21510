package io.fraudtip.cases.banks;

import io.fraudtip.commons.sql.PgArrays;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The first successful delivery of an alert to its bank: the start of the bank's answer time and
 * the end of the time to alert.
 */
@Entity
@Table(name = "alert_delivery")
public class AlertDelivery extends PanacheEntityBase {
  @Id
  @Column(name = "alert_id")
  public UUID alertId;

  @Column(name = "event_id", nullable = false)
  public UUID eventId;

  /** Null until the tip the alert came from has reached this service. */
  @Column(name = "case_id")
  public UUID caseId;

  @Column(name = "tip_id")
  public UUID tipId;

  @Column(name = "webhook_type")
  public String webhookType;

  @Column(name = "bank_bin", nullable = false)
  public String bankBin;

  @Column(name = "account_number", nullable = false)
  public String accountNumber;

  @Column(nullable = false)
  public int layer;

  @Column(name = "triggered_at", nullable = false)
  public Instant triggeredAt;

  @Column(name = "delivered_at", nullable = false)
  public Instant deliveredAt;

  @Column(nullable = false)
  public int attempts;

  @Column(name = "received_at", nullable = false)
  public Instant receivedAt;

  /** Deliveries that waited for these tips to arrive. */
  public static List<AlertDelivery> pendingForTips(Collection<UUID> tipIds) {
    if (tipIds.isEmpty()) {
      return List.of();
    }
    @SuppressWarnings("unchecked")
    List<AlertDelivery> pending =
        getEntityManager()
            .createNativeQuery(
                "SELECT * FROM alert_delivery WHERE case_id IS NULL"
                    + " AND tip_id = ANY (CAST(:tips AS uuid[]))",
                AlertDelivery.class)
            .setParameter("tips", PgArrays.of(tipIds))
            // No flush first: the tip path writes no delivery before this read, and a flush here
            // walks the batch's whole session, then writes as updates what the totals change.
            .setFlushMode(FlushModeType.COMMIT)
            .getResultList();
    return pending;
  }
}
