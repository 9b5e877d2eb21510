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

  /** The caller's unit, when it is a known one. */
  public Optional<PoliceUnit> unit() {
    return caller.unit().map(code -> PoliceUnit.<PoliceUnit>findById(code));
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
