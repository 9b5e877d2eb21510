package io.fraudtip.cases.freezes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** One extension of a hold, with the unit's stated reason: the record SPEC §10 asks for. */
@Entity
@Table(name = "hold_extension")
public class HoldExtension extends PanacheEntityBase {
  @Id public UUID id;

  @Column(name = "freeze_id", nullable = false)
  public UUID freezeId;

  @Column(name = "unit_code", nullable = false)
  public String unitCode;

  @Column(name = "extended_by", nullable = false)
  public String extendedBy;

  @Column(name = "extended_at", nullable = false)
  public Instant extendedAt;

  @Column(nullable = false)
  public String reason;

  @Column(name = "previous_expires_at", nullable = false)
  public Instant previousExpiresAt;

  @Column(name = "new_expires_at", nullable = false)
  public Instant newExpiresAt;

  static List<HoldExtension> ofHolds(Collection<UUID> freezeIds) {
    return freezeIds.isEmpty() ? List.of() : list("freezeId in ?1 order by extendedAt", freezeIds);
  }
}
