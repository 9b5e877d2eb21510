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
      if (r.level().isAbove(parent.level)) {
        // Routing moves cases up by level: a ministry-level unit below a commune would draw cases
        // into the commune's tree.
        throw ProblemException.invalid(
            "level",
            "unit.level",
            "A " + r.level() + " unit cannot be placed below a " + parent.level + " unit");
      }
    } else if (u.path == null || u.parentCode != null) {
      // One tree, one root (the ministry): a unit without a parent would take its subtree out of
      // every unit above's sight and stop its deadlines escalating.
      throw ProblemException.invalid(
          "parentCode",
          "unit.parent-required",
          "A unit is placed below its parent; only the root of the tree has none");
    }
    if (u.path != null) {
      for (PoliceUnit below : PoliceUnit.<PoliceUnit>list("parentCode", u.code)) {
        if (below.level.isAbove(r.level())) {
          throw ProblemException.invalid(
              "level",
              "unit.level",
              "Unit " + below.code + " below it is " + below.level + ", above " + r.level());
        }
      }
    }
    String path = (parent == null ? "/" : parent.path) + u.code + "/";
    if (u.path != null && deepestBelow(u.path) - u.path.length() + path.length() > MAX_PATH) {
      throw ProblemException.invalid(
          "parentCode", "unit.too-deep", "The tree would be too deep below " + r.parentCode());
    }
    if (path.length() > MAX_PATH) {
      throw ProblemException.invalid("parentCode", "unit.too-deep", "The tree would be too deep");
    }
    u.name = r.name();
    u.level = r.level();
    u.parentCode = r.parentCode();
    u.provinceCode = r.provinceCode();
    u.communeCode = r.communeCode();
    // Left out, a unit stays as it is (a deactivated unit is not brought back by a rename).
    u.active = r.active() != null ? r.active() : u.path == null || u.active;
    u.path = path;
  }

  /** The length of the longest path in the subtree at {@code path}. */
  private static int deepestBelow(String path) {
    Number longest =
        PoliceUnit.getEntityManager()
            .createQuery(
                "select max(length(u.path)) from PoliceUnit u where u.path like :p", Number.class)
            .setParameter("p", path + "%")
            .getSingleResult();
    return longest == null ? path.length() : longest.intValue();
  }

  /** What {@code police_unit.path} holds. */
  private static final int MAX_PATH = 400;

  private static void apply(RoutingRule rule, Rules.Request r) {
    String target = r.targetUnit();
    if (!target.contains("{") && PoliceUnit.findById(target) == null) {
      throw ProblemException.invalid("targetUnit", "unit.unknown", "No unit " + target);
    }
    if (target.replace("{province}", "").replace("{commune}", "").contains("{")) {
      throw ProblemException.invalid(
          "targetUnit", "target.template", "Only {province} and {commune} can be filled in");
    }
    if (r.minTotalLossVnd() != null
        && r.maxTotalLossVnd() != null
        && r.minTotalLossVnd() > r.maxTotalLossVnd()) {
      throw ProblemException.invalid(
          "maxTotalLossVnd", "loss.range", "The most is below the least: no case would match");
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
