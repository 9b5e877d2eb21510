package io.fraudtip.cases.police;

import io.fraudtip.cases.api.CaseViews.CaseDetail;
import io.fraudtip.cases.core.Clock;
import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.cases.core.IllegalTransitionException;
import io.fraudtip.commons.problem.FieldError;
import io.fraudtip.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * How every police change to a case runs: the case must be in the caller's unit tree (404
 * otherwise), the If-Match version current (428 without it, 412 when stale) and the move allowed by
 * the state machine (409); the answer is the case as changed, with its new version.
 */
@ApplicationScoped
public class CaseChanges {
  private final UnitScope scope;
  private final EntityManager em;
  private final Clock clock;

  CaseChanges(UnitScope scope, EntityManager em, Clock clock) {
    this.scope = scope;
    this.em = em;
    this.clock = clock;
  }

  /** Applies one change to the case in the caller's transaction. */
  public CaseDetail apply(UUID id, String ifMatch, BiConsumer<FraudCase, Instant> change) {
    FraudCase c = scope.visible(id);
    checkVersion(c, ifMatch);
    Instant now = clock.now();
    // Every change moves the version, so that the ETag a caller holds goes stale; set before the
    // change so that the events it publishes carry this change's time, not the previous one's.
    c.updatedAt = now;
    try {
      change.accept(c, now);
    } catch (IllegalTransitionException e) {
      throw ProblemException.conflict("illegal-transition", e.getMessage());
    }
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw stale();
    }
    return CaseQueries.detail(c);
  }

  /** A closed or merged case takes no more work (409). */
  static void requireOpen(FraudCase c) {
    if (!c.stage.isOpen()) {
      throw ProblemException.conflict("case-closed", "The case is " + c.stage);
    }
  }

  /** Checks the If-Match header against the case's version. */
  static void checkVersion(FraudCase c, String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new ProblemException(
          428,
          "precondition-required",
          "Precondition Required",
          "Send the case's ETag in If-Match to change it");
    }
    if (ifMatch.trim().equals("*")) {
      return;
    }
    // A list of tags, any of which may match (RFC 9110 §13.1.1); the comparison is strong, as
    // If-Match's is, but a weak tag of this version is taken for it (clients and proxies add W/).
    String current = Long.toString(c.version);
    boolean matched = false;
    boolean malformed = false;
    for (String listed : ifMatch.split(",")) {
      String tag = listed.trim();
      if (tag.isEmpty()) {
        continue; // an empty list element (RFC 9110 §5.6.1)
      }
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
        tag = tag.substring(1, tag.length() - 1);
      }
      // A tag the case never gave (a quote left open, an empty one) is the caller's mistake, not a
      // version that went stale: answered as such, or the caller reads the case again in vain.
      malformed |= tag.isEmpty() || tag.indexOf('"') >= 0 || tag.indexOf(' ') >= 0;
      matched |= tag.equals(current);
    }
    if (matched) {
      return;
    }
    if (malformed) {
      throw ProblemException.invalid(
          List.of(
              new FieldError(
                  "If-Match",
                  "if-match.malformed",
                  "Not an entity tag: send the ETag the case was read with, e.g. \"3\"")));
    }
    throw stale();
  }

  private static ProblemException stale() {
    return new ProblemException(
        412,
        "stale-version",
        "Precondition Failed",
        "The case changed since it was read; read it again");
  }
}
