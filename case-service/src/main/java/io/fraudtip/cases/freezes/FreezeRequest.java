package io.fraudtip.cases.freezes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A police unit's freeze request on a case: the authority every freeze request webhook names. */
@Entity
@Table(name = "freeze_request")
public class FreezeRequest extends PanacheEntityBase {
  @Id public UUID id;

  @Column(name = "case_id", nullable = false)
  public UUID caseId;

  @Column(name = "unit_code", nullable = false)
  public String unitCode;

  @Column(name = "requested_by", nullable = false)
  public String requestedBy;

  @Column(name = "requested_at", nullable = false)
  public Instant requestedAt;

  @Column public String note;

  /** Whether the request is also a standing order to follow the money trail. */
  @Column(name = "follow_trail", nullable = false)
  public boolean followTrail;

  /** The deepest layer the standing order reaches; null without one. */
  @Column(name = "max_layer")
  public Integer maxLayer;

  /** When the standing order ends; null without one. */
  @Column(name = "trail_until")
  public Instant trailUntil;

  /** Whether its standing order covers an account traced at this layer at this time. */
  boolean covers(int layer, Instant at) {
    return followTrail
        && maxLayer != null
        && layer <= maxLayer
        && trailUntil != null
        && at.isBefore(trailUntil);
  }

  static List<FreezeRequest> ofCase(UUID caseId) {
    return list("caseId = ?1 order by requestedAt", caseId);
  }
}
