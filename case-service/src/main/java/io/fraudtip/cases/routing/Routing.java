package io.fraudtip.cases.routing;

import io.fraudtip.cases.config.CaseConfig;
import io.fraudtip.cases.core.CaseEvents;
import io.fraudtip.cases.core.CaseStage;
import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.contracts.cases.CaseEventKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Routes cases to police units with the rules in the database (read through {@link RoutingTables},
 * in memory): the first active rule, in position order, whose conditions hold and whose target unit
 * exists. A case that grows is re-routed, but only upwards.
 */
@ApplicationScoped
public class Routing {
  private final CaseEvents events;
  private final CaseConfig config;
  private final RoutingTables tables;

  Routing(CaseEvents events, CaseConfig config, RoutingTables tables) {
    this.events = events;
    this.config = config;
    this.tables = tables;
  }

  /** The rule and unit a case's facts lead to. */
  public record Decision(RoutingRule rule, PoliceUnit unit) {}

  /** The first rule that applies to the case, with its unit. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Decision> decide(FraudCase c) {
    RoutingTables.Tables t = tables.recent();
    for (RoutingRule rule : t.rules()) {
      if (!rule.conditions().matches(c)) {
        continue;
      }
      Optional<PoliceUnit> unit = target(rule, c, t);
      if (unit.isPresent()) {
        return Optional.of(new Decision(rule, unit.get()));
      }
    }
    return Optional.empty();
  }

  /**
   * Routes a new case; a case no rule matches stays RECEIVED. Publishes nothing: the caller
   * announces the new case in one OPENED event that already carries its unit and rule.
   *
   * @return the rule that chose the unit, if one did
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<String> routeNew(FraudCase c, Instant now) {
    return decide(c)
        .map(
            d -> {
              assign(c, d.unit(), d.rule().id, Assignment.Reason.ROUTED, CaseEvents.SYSTEM, now);
              return d.rule().id;
            });
  }

  /**
   * Re-routes a case that grew, if its rules now lead to a unit above its current one; publishes
   * ESCALATED. Never moves a case down or sideways.
   *
   * @return whether the case moved
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean rerouteUpwards(FraudCase c, Instant now) {
    if (!c.stage.isOpen()) {
      return false;
    }
    Optional<Decision> decision = decide(c);
    if (decision.isEmpty()) {
      return false;
    }
    PoliceUnit current = tables.recent().unit(c.unitCode).orElse(null);
    Decision d = decision.get();
    if (current == null) {
      assign(c, d.unit(), d.rule().id, Assignment.Reason.ROUTED, CaseEvents.SYSTEM, now);
      events.publish(c, CaseEventKind.ASSIGNED, CaseEvents.Extra.rule(d.rule().id));
      return true;
    }
    if (!d.unit().level.isAbove(current.level) || !grownPast(c, d)) {
      return false;
    }
    assign(c, d.unit(), d.rule().id, Assignment.Reason.REROUTED_UP, CaseEvents.SYSTEM, now);
    events.publish(
        c,
        CaseEventKind.ESCALATED,
        new CaseEvents.Extra(
            d.rule().id,
            List.of(),
            List.of(),
            null,
            "Re-routed from " + current.code + " by rule " + d.rule().id));
    return true;
  }

  /**
   * Whether the rule that decides now is not the one that last placed the case: a case a unit
   * placed by hand (a transfer down to a commune's police) goes back up only when it grows past
   * another rule's threshold, not on every tip the rule it was moved from still matches.
   */
  private static boolean grownPast(FraudCase c, Decision d) {
    if (c.ruleId != null) {
      return true;
    }
    Assignment lastByRule =
        Assignment.<Assignment>find(
                "caseId = ?1 and ruleId is not null order by assignedAt desc, id desc", c.id)
            .firstResult();
    return lastByRule == null || !lastByRule.ruleId.equals(d.rule().id);
  }

  /**
   * Gives the case to a unit: records the assignment with its rule or actor, resets the
   * acknowledgement deadline and writes the timeline. The caller publishes.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void assign(
      FraudCase c,
      PoliceUnit unit,
      String ruleId,
      Assignment.Reason reason,
      String actor,
      Instant now) {
    String from = c.unitCode;
    c.moveTo(CaseStage.ASSIGNED);
    c.unitCode = unit.code;
    c.ruleId = ruleId;
    c.assignedAt = now;
    c.acknowledgedAt = null;
    c.ackDueAt = now.plus(config.ackDeadline(c.priority));
    c.updatedAt = now;
    Assignment a = new Assignment();
    a.caseId = c.id;
    a.unitCode = unit.code;
    a.ruleId = ruleId;
    a.reason = reason;
    a.actor = actor;
    a.assignedAt = now;
    a.persist();
    events.record(
        c,
        reason.timelineKind(),
        actor,
        ruleId,
        (from == null ? "" : "From " + from + " to ")
            + unit.code
            + (ruleId == null ? "" : " by rule " + ruleId),
        now);
  }

  private static Optional<PoliceUnit> target(
      RoutingRule r, FraudCase c, RoutingTables.Tables tables) {
    String code = r.targetUnit;
    if (code.contains("{province}")) {
      if (c.provinceCode == null) {
        return Optional.empty();
      }
      code = code.replace("{province}", c.provinceCode);
    }
    if (code.contains("{commune}")) {
      if (c.communeCode == null) {
        return Optional.empty();
      }
      code = code.replace("{commune}", c.communeCode);
    }
    return tables.unit(code).filter(u -> u.active);
  }
}
