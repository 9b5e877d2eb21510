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
}
