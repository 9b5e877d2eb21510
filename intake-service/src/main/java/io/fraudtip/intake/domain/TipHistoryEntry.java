package io.fraudtip.intake.domain;

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

/** One step of a tip's public history. */
@Entity
@Table(name = "tip_history")
public class TipHistoryEntry extends PanacheEntityBase {
  // Read here, written by SQL in batches (TipBatchWriter, CaseFollower): ids from the column's
  // default, in each batch's order.
  @Id public Long id;

  @Column(name = "tip_id", nullable = false)
  public UUID tipId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public TipStatus status;

  @Column(nullable = false)
  public Instant at;

  public String note;

  public static List<TipHistoryEntry> ofTip(UUID tipId) {
    return list("tipId = ?1 order by at, id", tipId);
  }
}
