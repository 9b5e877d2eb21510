package io.fraudtip.cases.routing;

import io.fraudtip.cases.core.CaseEvents;
import io.fraudtip.cases.core.CaseStage;
import io.fraudtip.cases.core.Clock;
import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.cases.core.TimelineKind;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The acknowledgement clock: a case not acknowledged in the time its priority allows goes to the
 * parent unit, recorded and published as ESCALATED. Safe with several instances: due cases are
 * taken with {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class Deadlines {
  private static final Logger LOG = Logger.getLogger(Deadlines.class);
  private static final int BATCH = 100;
  // Hibernate's lock timeout meaning SKIP LOCKED.
  private static final int SKIP_LOCKED = -2;

  @Inject EntityManager em;
  @Inject Routing routing;
  @Inject CaseEvents events;
  @Inject Clock clock;

  @Scheduled(
      every = "${fraudtip.cases.deadline-check-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void check() {
    try {
      int escalated;
      do {
        escalated = escalateOverdue(clock.now());
      } while (escalated == BATCH);
    } catch (RuntimeException e) {
      LOG.warnf("Acknowledgement deadlines not checked: %s", e.getMessage());
    }
  }

  /**
   * Escalates one batch of cases whose acknowledgement deadline has passed.
   *
   * @return how many were escalated
   */
  @Transactional
  public int escalateOverdue(Instant now) {
    List<FraudCase> due =
        em.createQuery(
                "from FraudCase c where c.stage = :stage and c.ackDueAt <= :now order by c.ackDueAt",
                FraudCase.class)
            .setParameter("stage", CaseStage.ASSIGNED)
            .setParameter("now", now)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .setHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
            .setMaxResults(BATCH)
            .getResultList();
    for (FraudCase c : due) {
      PoliceUnit unit = c.unitCode == null ? null : PoliceUnit.findById(c.unitCode);
      PoliceUnit above =
          unit == null || unit.parentCode == null ? null : PoliceUnit.findById(unit.parentCode);
      PoliceUnit parent = above == null ? null : above.activeOrAbove();
      if (parent == null) {
        // The top of the tree: nobody to escalate to; the clock stops, the timeline says so.
        c.ackDueAt = null;
        c.updatedAt = now;
        events.record(
            c,
            TimelineKind.DEADLINE_PASSED,
            CaseEvents.SYSTEM,
            null,
            "Not acknowledged in time",
            now);
        continue;
      }
      String from = c.unitCode;
      routing.assign(c, parent, null, Assignment.Reason.DEADLINE, CaseEvents.SYSTEM, now);
      events.publish(
          c, CaseEventKind.ESCALATED, CaseEvents.Extra.note("Not acknowledged in time by " + from));
    }
    return due.size();
  }
}
