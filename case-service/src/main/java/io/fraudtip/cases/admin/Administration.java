package io.fraudtip.cases.admin;

import io.fraudtip.cases.api.Rules;
import io.fraudtip.cases.api.UnitRequest;
import io.fraudtip.cases.api.UnitView;
import io.fraudtip.cases.routing.PoliceUnit;
import io.fraudtip.cases.routing.RoutingRule;
import io.fraudtip.cases.routing.RoutingTables;
import io.fraudtip.cases.routing.RuleConditions;
import io.fraudtip.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Operators' management of the unit tree and the routing rules, both data. */
@ApplicationScoped
public class Administration {
  private final RoutingTables tables;

  Administration(RoutingTables tables) {
    this.tables = tables;
  }

  @Transactional
  public List<UnitView> units() {
    return PoliceUnit.<PoliceUnit>list("order by path").stream().map(Administration::view).toList();
  }

  @Transactional
  public UnitView unit(String code) {
    return view(findUnit(code));
  }

  @Transactional
  public UnitView createUnit(UnitRequest r) {
    tables.changed();
    if (r.code() == null) {
      throw ProblemException.invalid("code", "code.required", "A unit needs a code");
    }
    if (PoliceUnit.findById(r.code()) != null) {
      throw ProblemException.conflict("unit-exists", "Unit " + r.code() + " exists already");
    }
    PoliceUnit u = new PoliceUnit();
    u.code = r.code();
    apply(u, r);
    u.persist();
    return view(u);
  }

  @Transactional
  public UnitView updateUnit(String code, UnitRequest r) {
    tables.changed();
    PoliceUnit u = findUnit(code);
    String oldPath = u.path;
    apply(u, r);
    if (!u.path.equals(oldPath)) {
      // Re-parented: the whole subtree follows.
      for (PoliceUnit below : PoliceUnit.<PoliceUnit>list("path like ?1", oldPath + "%")) {
        if (below != u) {
          below.path = u.path + below.path.substring(oldPath.length());
        }
      }
    }
    return view(u);
  }

  @Transactional
  public List<Rules.View> rules() {
    return RoutingRule.<RoutingRule>list("order by position, id").stream()
        .map(Administration::view)
        .toList();
  }

  @Transactional
  public Rules.View rule(String id) {
    return view(findRule(id));
  }

  @Transactional
  public Rules.View createRule(Rules.Request r) {
    tables.changed();
    if (r.id() == null) {
      throw ProblemException.invalid("id", "id.required", "A rule needs an id");
    }
    if (RoutingRule.findById(r.id()) != null) {
      throw ProblemException.conflict("rule-exists", "Rule " + r.id() + " exists already");
    }
    RoutingRule rule = new RoutingRule();
    rule.id = r.id();
    apply(rule, r);
    rule.persist();
    return view(rule);
  }

  @Transactional
  public Rules.View updateRule(String id, Rules.Request r) {
    tables.changed();
    RoutingRule rule = findRule(id);
    apply(rule, r);
    return view(rule);
  }

  /** Deactivates a rule; assignments keep naming it, so it is never deleted. */
  @Transactional
  public void deactivateRule(String id) {
    tables.changed();
    findRule(id).active = false;
  }

  private static void apply(PoliceUnit u, UnitRequest r) {
    PoliceUnit parent = null;
    if (r.parentCode() != null) {
      parent = PoliceUnit.findById(r.parentCode());
      if (parent == null) {
        throw ProblemException.invalid("parentCode", "unit.unknown", "No unit " + r.parentCode());
      }
      if (u.path != null && parent.path.startsWith(u.path)) {
        throw ProblemException.invalid(
            "parentCode", "unit.cycle", "A unit cannot be placed below itself");
      }
    }
    u.name = r.name();
    u.level = r.level();
    u.parentCode = r.parentCode();
    u.provinceCode = r.provinceCode();
    u.communeCode = r.communeCode();
    u.active = r.active() == null || r.active();
    u.path = (parent == null ? "/" : parent.path) + u.code + "/";
  }

  private static void apply(RoutingRule rule, Rules.Request r) {
    String target = r.targetUnit();
    if (!target.contains("{") && PoliceUnit.findById(target) == null) {
      throw ProblemException.invalid("targetUnit", "unit.unknown", "No unit " + target);
    }
    if (target.replace("{province}", "").replace("{commune}", "").contains("{")) {
      throw ProblemException.invalid(
          "targetUnit", "target.template", "Only {province} and {commune} can be filled in");
    }
    rule.position = r.position();
    rule.description = r.description();
    rule.conditions = RuleConditions.of(r);
    rule.targetUnit = target;
    rule.active = r.active() == null || r.active();
  }

  private static PoliceUnit findUnit(String code) {
    PoliceUnit u = PoliceUnit.findById(code);
    if (u == null) {
      throw ProblemException.notFound("Unit " + code);
    }
    return u;
  }

  private static RoutingRule findRule(String id) {
    RoutingRule r = RoutingRule.findById(id);
    if (r == null) {
      throw ProblemException.notFound("Rule " + id);
    }
    return r;
  }

  static UnitView view(PoliceUnit u) {
    return new UnitView(
        u.code, u.name, u.level, u.parentCode, u.path, u.provinceCode, u.communeCode, u.active);
  }

  static Rules.View view(RoutingRule r) {
    return RuleConditions.view(r);
  }
}
