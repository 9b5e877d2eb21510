package io.fraudtip.cases.routing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One routing rule: {@link RuleConditions conditions} on a case's facts and the unit that gets the
 * case. Rules are tried in {@link #position} order.
 */
@Entity
@Table(name = "routing_rule")
public class RoutingRule extends PanacheEntityBase {
  @Id public String id;

  @Column(nullable = false)
  public int position;

  @Column(nullable = false)
  public String description;

  /** When the rule applies; see {@link #conditions()}. */
  @Embedded public RuleConditions conditions = new RuleConditions();

  /** A unit code or a template: {@code PA05-{province}}, {@code CAX-{commune}}. */
  @Column(name = "target_unit", nullable = false)
  public String targetUnit;

  @Column(nullable = false)
  public boolean active = true;

  @Version public long version;

  /** The rule's conditions (Hibernate loads a rule with none set, a catch-all, as null). */
  public RuleConditions conditions() {
    return conditions == null ? new RuleConditions() : conditions;
  }
}
