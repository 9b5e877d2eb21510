package io.fraudtip.cases.routing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A police unit, a node of the unit tree. */
@Entity
@Table(name = "police_unit")
public class PoliceUnit extends PanacheEntityBase {
  @Id public String code;

  @Column(nullable = false)
  public String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public UnitLevel level;

  @Column(name = "parent_code")
  public String parentCode;

  /** '/BCA/CAT-66/PA05-66/': the units below this one have paths that start with it. */
  @Column(nullable = false)
  public String path;

  @Column(name = "province_code")
  public String provinceCode;

  @Column(name = "commune_code")
  public String communeCode;

  @Column(nullable = false)
  public boolean active = true;

  @Version public long version;

  /** Whether {@code other} is this unit or one below it. */
  public boolean covers(PoliceUnit other) {
    return other != null && other.path.startsWith(path);
  }

  /**
   * This unit when active, else the nearest active unit above it (a deactivated unit's tokens are
   * refused, so a case handed to it would wait there unseen); null when none is.
   */
  public PoliceUnit activeOrAbove() {
    PoliceUnit u = this;
    for (int hops = 0; u != null && !u.active && hops < MAX_DEPTH; hops++) {
      u = u.parentCode == null ? null : findById(u.parentCode);
    }
    return u != null && u.active ? u : null;
  }

  /** Deeper than any unit tree (ministry, province, division, commune): a loop's end. */
  private static final int MAX_DEPTH = 64;
}
