package io.fraudtip.notification.service;

import io.fraudtip.commons.db.ScalarRows;
import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.commons.sql.PgArrays;
import io.fraudtip.commons.time.Timestamps;
import io.fraudtip.contracts.alerts.AlertOutcome;
import io.fraudtip.contracts.banks.BankAccount;
import io.fraudtip.contracts.cases.AccountRefV1;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.contracts.cases.CaseStatus;
import io.fraudtip.notification.domain.Alert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What this service knows of cases from cases.v1, so that a bank cannot answer the alerts of a
 * closed case (either closure) or of a retracted account (SPEC §10): closures, reopenings and
 * retracted accounts. Every write is an idempotent upsert, so a record handled twice changes
 * nothing.
 */
@ApplicationScoped
public class CaseStates {
  private final EntityManager em;

  CaseStates(EntityManager em) {
    this.em = em;
  }

  /**
   * Records what the case events of a polled batch say of their cases, in their order. A reopening
   * is written only for a case closed before the batch (one statement for the batch finds them) or
   * closed by an earlier event of it: every event of an open case says its status, and an update
   * per event found no row to change for nearly all of them.
   */
  @Transactional
  public void onCaseEvents(List<CaseEventV1> events) {
    Set<UUID> reopenable = new HashSet<>();
    Set<UUID> maybe = new LinkedHashSet<>();
    for (CaseEventV1 e : events) {
      if (e.caseId() != null && reopens(e)) {
        maybe.add(e.caseId());
      }
    }
    if (!maybe.isEmpty()) {
      reopenable.addAll(
          ScalarRows.uuids(
              em.createNativeQuery(
                      "SELECT case_id FROM case_state WHERE case_id = ANY (CAST(:cases AS uuid[]))"
                          + " AND closed_at IS NOT NULL")
                  .setParameter("cases", PgArrays.of(maybe))));
    }
    for (CaseEventV1 e : events) {
      if (e.caseId() == null) {
        continue;
      }
      if (e.kind() == CaseEventKind.CLOSED) {
        reopenable.add(e.caseId());
      }
      apply(e, reopenable.contains(e.caseId()));
    }
  }

  /**
   * Whether the event may reopen its case: a status other than closed, on any event but a case's
   * first (on its partition before any closure of it, it has nothing to reopen).
   */
  private static boolean reopens(CaseEventV1 e) {
    return e.kind() != CaseEventKind.CLOSED
        && e.kind() != CaseEventKind.OPENED
        && e.status() != null
        && e.status() != CaseStatus.CLOSED;
  }

  /**
   * Records what a case event says of its case: closed, reopened, accounts retracted; {@code
   * mayBeClosed} false when the case is known to be open, so that a reopening has nothing to write.
   */
  private void apply(CaseEventV1 e, boolean mayBeClosed) {
    if (e.caseId() == null) {
      return;
    }
    Instant at = e.occurredAt() == null ? Timestamps.now() : e.occurredAt();
    boolean closed = e.kind() == CaseEventKind.CLOSED;
    boolean delisted = e.kind() == CaseEventKind.IDENTIFIER_DELISTED;
    // Alerts raised from tips may name no case: their tips say which (CaseLinks keeps them).
    if (closed) {
      em.createNativeQuery(
              "INSERT INTO case_state (case_id, case_reference, closed_at, closure, updated_at)"
                  + " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (case_id) DO UPDATE SET"
                  + " case_reference = EXCLUDED.case_reference, closed_at = EXCLUDED.closed_at,"
                  + " closure = EXCLUDED.closure, updated_at = EXCLUDED.updated_at")
          .setParameter(1, e.caseId())
          .setParameter(2, e.caseReference())
          .setParameter(3, at)
          .setParameter(4, e.closure() == null ? null : e.closure().name())
          .setParameter(5, Timestamps.now())
          .executeUpdate();
    } else if (mayBeClosed && reopens(e)) {
      // A case closed as confirmed may be reopened by its unit: its alerts take answers again.
      em.createNativeQuery(
              "UPDATE case_state SET closed_at = NULL, closure = NULL, updated_at = ?2"
                  + " WHERE case_id = ?1 AND closed_at <= ?3")
          .setParameter(1, e.caseId())
          .setParameter(2, Timestamps.now())
          .setParameter(3, at)
          .executeUpdate();
    }
    if (e.kind() == CaseEventKind.MERGED) {
      for (UUID absorbed : Alerts.nullSafe(e.mergedCaseIds())) {
        em.createNativeQuery(
                "INSERT INTO case_merged (case_id, merged_into, merged_at) VALUES (?1, ?2, ?3)"
                    + " ON CONFLICT DO NOTHING")
            .setParameter(1, absorbed)
            .setParameter(2, e.caseId())
            .setParameter(3, at)
            .executeUpdate();
      }
    }
    if (delisted) {
      for (AccountRefV1 a : Alerts.nullSafe(e.accounts())) {
        if (a.bankBin() != null && a.accountNumber() != null) {
          em.createNativeQuery(
                  "INSERT INTO retracted_account (case_id, bank_bin, account_number, retracted_at)"
                      + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
              .setParameter(1, e.caseId())
              .setParameter(2, a.bankBin())
              .setParameter(3, a.accountNumber())
              .setParameter(4, at)
              .executeUpdate();
        }
      }
    }
  }

  /**
   * Refuses (409) an answer on an alert of a closed case ({@code case-closed}) or on an account
   * retracted since the alert was raised ({@code alert-retracted}). A restitution on a case closed
   * as confirmed is taken: money goes back to victims after the police confirmed the fraud, and the
   * bank reports it then (SPEC §6); what it restores stays bounded by what it holds.
   */
  void refuseIfClosed(Alert alert, AlertOutcome outcome) {
    List<UUID> cases = casesOf(alert);
    if (cases.isEmpty()) {
      return;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> closed =
        em.createNativeQuery(
                "SELECT case_id, case_reference, closed_at, closure FROM case_state"
                    + " WHERE case_id IN (?1) AND closed_at IS NOT NULL ORDER BY closed_at")
            .setParameter(1, cases)
            .getResultList();
    boolean restitutionAfterConfirmation =
        outcome == AlertOutcome.RESTORED
            && closed.stream().allMatch(c -> "CONFIRMED".equals(String.valueOf(c[3])));
    if (!closed.isEmpty() && !restitutionAfterConfirmation) {
      Object[] c = closed.get(0);
      throw ProblemException.conflict(
          "case-closed",
          "Case "
              + (c[1] == null ? c[0] : c[1])
              + " was closed"
              + (c[3] == null ? "" : " as " + c[3])
              + " at "
              + instant(c[2])
              + ": its alerts take no more answers");
    }
    @SuppressWarnings("unchecked")
    List<Object> retracted =
        em.createNativeQuery(
                "SELECT min(retracted_at) FROM retracted_account WHERE case_id IN (?1)"
                    + " AND bank_bin = ?2 AND account_number = ?3 AND retracted_at >= ?4")
            .setParameter(1, cases)
            .setParameter(2, alert.bankBin)
            .setParameter(3, alert.accountNumber)
            // A retraction takes back the alerts raised before it: one raised after (a freeze
            // the unit asked for once a review listed the account again) stands.
            .setParameter(4, alert.triggeredAt != null ? alert.triggeredAt : alert.createdAt)
            .getResultList();
    if (!retracted.isEmpty() && retracted.get(0) != null) {
      throw ProblemException.conflict(
          "alert-retracted",
          "The alert on "
              + new BankAccount(alert.bankBin, alert.accountNumber).value()
              + " was retracted at "
              + instant(retracted.get(0))
              + " (the identifier was delisted): it takes no more answers");
    }
  }

  /**
   * The case the alert names, the case its tip was last seen in, and the cases those were merged
   * into (the one that carries on decides: an answer on an absorbed case's alert after its survivor
   * closed is refused).
   */
  private List<UUID> casesOf(Alert alert) {
    Set<UUID> cases = new LinkedHashSet<>();
    if (alert.caseId != null) {
      cases.add(alert.caseId);
    }
    if (alert.tipId != null) {
      List<UUID> byTip =
          ScalarRows.uuids(
              em.createNativeQuery("SELECT case_id FROM case_state_tip WHERE tip_id = ?1")
                  .setParameter(1, alert.tipId));
      cases.addAll(byTip);
    }
    List<UUID> round = new ArrayList<>(cases);
    for (int hops = 0; !round.isEmpty() && hops < MAX_MERGE_HOPS; hops++) {
      round =
          ScalarRows.uuids(
                  em.createNativeQuery(
                          "SELECT merged_into FROM case_merged"
                              + " WHERE case_id = ANY (CAST(?1 AS uuid[]))")
                      .setParameter(1, PgArrays.of(round)))
              .stream()
              .filter(cases::add)
              .toList();
    }
    return new ArrayList<>(cases);
  }

  /** More merge hops than any chain has: past it the chain is taken for a cycle. */
  private static final int MAX_MERGE_HOPS = 20;

  private static Object instant(Object o) {
    return o instanceof java.sql.Timestamp t ? t.toInstant() : o;
  }
}
