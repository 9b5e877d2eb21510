package io.fraudtip.cases.routing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One routing rule: conditions on a case's facts (a null condition matches anything) and the unit
 * that gets the case. Rules are tried in {@link #position} order.
 */
@Entity
@Table(name = "routing_rule")
public class RoutingRule extends PanacheEntityBase {
  @Id public String id;

  @Column(nullable = false)
  public int position;

  @Column(nullable = false)
  public String description;

  /** Comma-separated scam type names. */
  @Column(name = "scam_types")
  public String scamTypes;

  @Column(name = "min_total_loss_vnd")
  public Long minTotalLossVnd;

  /** Exclusive upper bound. */
  @Column(name = "max_total_loss_vnd")
  public Long maxTotalLossVnd;

  @Column(name = "min_victims")
  public Integer minVictims;

  @Column(name = "min_provinces")
  public Integer minProvinces;

  @Column(name = "foreign_identifier")
  public Boolean foreignIdentifier;

  @Column(name = "crypto_wallet")
  public Boolean cryptoWallet;

  @Column(name = "province_code")
  public String provinceCode;

  @Column(name = "commune_code")
  public String communeCode;

  /** A unit code or a template: {@code PA05-{province}}, {@code CAX-{commune}}. */
  @Column(name = "target_unit", nullable = false)
  public String targetUnit;

  @Column(nullable = false)
  public boolean active = true;

  @Version public long version;
}
