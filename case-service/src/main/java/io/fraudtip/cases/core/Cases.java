package io.fraudtip.cases.core;

import jakarta.enterprise.context.ApplicationScoped;

/** Finds cases as they stand now: a merged case leads to the case that absorbed it. */
@ApplicationScoped
public class Cases {
  /** The case a case was merged into, followed to the end. */
  public FraudCase current(FraudCase c) {
    FraudCase at = c;
    int hops = 0;
    while (at != null && at.mergedInto != null && hops++ < 100) {
      at = FraudCase.findById(at.mergedInto);
    }
    return at;
  }
}
