package io.fraudtip.cases.disputes;

import io.fraudtip.cases.api.DisputeViews;
import io.fraudtip.cases.config.CaseConfig;
import io.fraudtip.cases.core.CaseEvents;
import io.fraudtip.cases.core.Clock;
import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.cases.core.TimelineKind;
import io.fraudtip.cases.routing.PoliceUnit;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The dispute clock (SPEC §10, "The holder is told why"): a dispute its deciding unit has not
 * decided by its deadline goes to the parent unit, which gets the same time again; the top unit
 * keeps it, flagged overdue. Only the case's timeline records it: banks need not be told, and the
 * holder reads it from the dispute's status. Safe with several instances: due disputes are taken
 * with {@code FOR UPDATE SKIP LOCKED}, and an escalated one is not due again before its new
 * deadline.
 */
@ApplicationScoped
public class DisputeDeadlines {
  private static final Logger LOG = Logger.getLogger(DisputeDeadlines.class);
  private static final int BATCH = 100;
  // Hibernate's lock timeout meaning SKIP LOCKED.
  private static final int SKIP_LOCKED = -2;

  private final EntityManager em;
  private final CaseEvents events;
  private final Clock clock;
  private final CaseConfig config;

  DisputeDeadlines(EntityManager em, CaseEvents events, Clock clock, CaseConfig config) {
    this.em = em;
    this.events = events;
    this.clock = clock;
    this.config = config;
  }

  @Scheduled(
      every = "${fraudtip.cases.dispute-check-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void check() {
    try {
      int done;
      do {
        done = escalateOverdue(clock.now());
      } while (done == BATCH);
    } catch (RuntimeException e) {
      LOG.warnf("Dispute deadlines not checked: %s", e.getMessage());
    }
  }

  /**
   * Escalates one batch of open disputes past their deadline.
   *
   * @return how many were escalated or flagged overdue
   */
  @Transactional
  public int escalateOverdue(Instant now) {
    List<Dispute> due =
        em.createQuery(
                "from Dispute d where d.status = :open and d.overdueAt is null"
                    + " and d.decideBy <= :now order by d.decideBy",
                Dispute.class)
            .setParameter("open", DisputeViews.Status.OPEN)
            .setParameter("now", now)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .setHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
            .setMaxResults(BATCH)
            .getResultList();
    for (Dispute d : due) {
      escalate(d, now);
    }
    return due.size();
  }

  private void escalate(Dispute d, Instant now) {
    FraudCase c = FraudCase.findById(d.caseId);
    PoliceUnit from = d.decider(c);
    PoliceUnit above =
        from == null || from.parentCode == null ? null : PoliceUnit.findById(from.parentCode);
    PoliceUnit parent = above == null ? null : above.activeOrAbove();
    if (parent == null) {
      // The top of the tree: nobody to escalate to; it stays, and says it is overdue.
      d.overdueAt = now;
      events.record(
          c,
          TimelineKind.DISPUTE_OVERDUE,
          CaseEvents.SYSTEM,
          null,
          "Dispute " + d.id + " not decided in time by " + (from == null ? "any unit" : from.code),
          now);
      return;
    }
    d.escalations++;
    d.escalatedFrom = from.code;
    d.escalatedAt = now;
    d.decidingUnit = parent.code;
    d.decideBy = now.plus(config.disputeDecisionTime());
    events.record(
        c,
        TimelineKind.DISPUTE_ESCALATED,
        CaseEvents.SYSTEM,
        null,
        "Dispute "
            + d.id
            + " not decided in time by "
            + from.code
            + ": from "
            + from.code
            + " to "
            + parent.code
            + " (escalation "
            + d.escalations
            + "), to decide by "
            + d.decideBy,
        now);
  }
}
