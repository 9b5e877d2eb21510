package io.fraudtip.intake.domain;

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
import java.util.List;
import java.util.UUID;

/** One step of a tip's public history. */
@Entity
@Table(name = "tip_history")
public class TipHistoryEntry extends PanacheEntityBase {
  // Pooled ids (blocks of 50, V1.2.0): a batch's entries go to the database as one JDBC batch,
  // which IDENTITY ids prevent.
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tip_history_id")
  @SequenceGenerator(
      name = "tip_history_id",
      sequenceName = "tip_history_id_seq",
      allocationSize = 50)
  public Long id;

  @Column(name = "tip_id", nullable = false)
  public UUID tipId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public TipStatus status;

  @Column(nullable = false)
  public Instant at;

  public String note;

  public static TipHistoryEntry of(UUID tipId, TipStatus status, Instant at, String note) {
    TipHistoryEntry e = new TipHistoryEntry();
    e.tipId = tipId;
    e.status = status;
    e.at = at;
    e.note = note;
    return e;
  }

  public static List<TipHistoryEntry> ofTip(UUID tipId) {
    return list("tipId = ?1 order by at, id", tipId);
  }
}
