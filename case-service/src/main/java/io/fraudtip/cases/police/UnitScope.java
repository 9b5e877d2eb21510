package io.fraudtip.cases.police;

import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.cases.routing.PoliceUnit;
import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.commons.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * What the calling police unit may see: its own cases and those of the units below it. Anything
 * else answers 404, as if it did not exist.
 */
@RequestScoped
public class UnitScope {
  private final Caller caller;

  UnitScope(Caller caller) {
    this.caller = caller;
  }

  /**
   * The caller's unit, when it is a known one; a deactivated unit's tokens lose access at once
   * (403), whatever their expiry.
   */
  public Optional<PoliceUnit> unit() {
    Optional<PoliceUnit> unit = caller.unit().map(code -> PoliceUnit.<PoliceUnit>findById(code));
    if (unit.isPresent() && !unit.get().active) {
      throw new ProblemException(
          403,
          "unit-inactive",
          "Forbidden",
          "Police unit " + unit.get().code + " is deactivated: its tokens no longer have access");
    }
    return unit;
  }

  /** The path prefix of the units the caller sees, or empty when it sees none. */
  public Optional<String> pathPrefix() {
    return unit().map(u -> u.path);
  }

  /** A case the caller may see, or a 404. */
  public FraudCase visible(UUID id) {
    FraudCase c = FraudCase.findById(id);
    if (c == null || !covers(c)) {
      throw ProblemException.notFound("Case " + id);
    }
    return c;
  }

  /** Whether the caller's unit is the case's or above it. */
  public boolean covers(FraudCase c) {
    if (c.unitCode == null) {
      return false;
    }
    PoliceUnit owner = PoliceUnit.findById(c.unitCode);
    return unit().map(me -> me.covers(owner)).orElse(false);
  }

  public String actor() {
    return caller.subject();
  }
}
