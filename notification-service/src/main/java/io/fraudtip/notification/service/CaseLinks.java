package io.fraudtip.notification.service;

import io.fraudtip.commons.inbox.ProcessedEvents;
import io.fraudtip.commons.time.Timestamps;
import io.fraudtip.contracts.banks.BankAccount;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.notification.domain.Alert;
import io.fraudtip.notification.service.AccountCounters.Counters;
import io.fraudtip.notification.webhook.WebhookPayload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Which case each tip is in, as cases.v1 says (every case event names all its tips), so that a bank
 * learns the case of an account a tip reported: in the {@code account.reported} itself when
 * case-service saw the tip first, otherwise in a {@code case.linked} follow-up for the account once
 * the case is known (again when a merge moves the tip to another case).
 *
 * <p>The two paths run in different consumers at once; each takes a transaction lock per tip before
 * reading what the other writes (the tip path: the tip's case; the case path: the tip's alerts), so
 * that whichever commits second sees the first, and an alert is neither left without its case nor
 * told twice.
 */
@ApplicationScoped
public class CaseLinks {
  /**
   * Namespace of these advisory locks (the two-key form), apart from other locks on the database.
   */
  private static final int TIP_LOCKS = 15;

  /** The name this path records the case events it handled under ({@link ProcessedEvents}). */
  static final String CONSUMER = "case-links";

  private final EntityManager em;
  private final ProcessedEvents processed;
  private final AccountCounters accounts;
  private final Alerts alerts;

  CaseLinks(EntityManager em, ProcessedEvents processed, AccountCounters accounts, Alerts alerts) {
    this.em = em;
    this.processed = processed;
    this.accounts = accounts;
    this.alerts = alerts;
  }

  /** A tip's case. */
  record CaseRef(UUID caseId, String reference) {}

  /**
   * The case each tip is known to be in, for the tips' alerts, after locking the tips for the rest
   * of the caller's transaction (a case event linking one of them waits for the alerts to commit).
   */
  Map<UUID, CaseRef> casesOfTips(Collection<UUID> tipIds) {
    if (tipIds.isEmpty()) {
      return Map.of();
    }
    lock(tipIds);
    Map<UUID, CaseRef> cases = new HashMap<>();
    known(tipIds).forEach((tip, ref) -> cases.put(tip, ref));
    return cases;
  }

  /**
   * Records the case of every tip a case event names; the tips new to the case (first seen, or
   * moved by a merge) send a {@code case.linked} for each account their earlier alerts reported.
   * Idempotent: an event is handled once ({@link ProcessedEvents}). A tip is not moved by an event
   * older than the one that placed it: events of different cases come in any order (SPEC §4), and
   * an event of a case a merge absorbed, read after the merge, would move the tip back.
   */
  @Transactional
  public void onCaseEvent(UUID eventId, CaseEventV1 e, TraceParent trace) {
    List<UUID> tips =
        Alerts.nullSafe(e.tipIds()).stream().filter(Objects::nonNull).distinct().toList();
    if (e.caseId() == null || tips.isEmpty()) {
      return;
    }
    // An event handled before (redelivered after a crash, its offset not committed) is skipped:
    // replayed after a later merge on another partition, it would move its tips back to the case
    // they left and tell the banks again under the same event id (seen in the fault suite as
    // dead-lettered duplicate case.linked alerts).
    if (!processed.firstTime(eventId, CONSUMER)) {
      return;
    }
    Map<UUID, CaseRef> known = knownLockingMoved(tips, e.caseId());
    List<UUID> moved = new ArrayList<>();
    List<UUID> changed = new ArrayList<>();
    for (UUID tip : tips) {
      CaseRef was = known.get(tip);
      if (was == null || !e.caseId().equals(was.caseId())) {
        moved.add(tip);
        changed.add(tip);
      } else if (e.caseReference() != null && !e.caseReference().equals(was.reference())) {
        changed.add(tip); // mapped before the reference was kept
      }
    }
    if (changed.isEmpty()) {
      return;
    }
    List<Reported> reported = place(e, changed, moved);
    if (!reported.isEmpty()) {
      tellBanks(eventId, e, trace, reported);
    }
  }

  /** An account.reported alert of a tip the event moved: what its case.linked names. */
  private record Reported(UUID alertId, UUID tipId, BankAccount account, int layer) {}

  /**
   * The case each tip is known to be in (none for a tip not seen yet), in one statement that also
   * locks the tips not known in {@code caseId} for the rest of the transaction (a tip path raising
   * their alerts commits first). The tip path writes no case, so reading the cases before the wait
   * for the locks misses nothing; the alerts are read after them ({@link #place}).
   */
  private Map<UUID, CaseRef> knownLockingMoved(Collection<UUID> tips, UUID caseId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "WITH known AS MATERIALIZED (SELECT t.tip_id, s.case_id, s.case_reference"
                    + " FROM unnest(CAST(:tips AS uuid[])) AS t(tip_id)"
                    + " LEFT JOIN case_state_tip s ON s.tip_id = t.tip_id),"
                    + " locked AS MATERIALIZED (SELECT "
                    + lockCount(
                        "SELECT tip_id FROM known WHERE case_id IS DISTINCT FROM CAST(:case AS uuid)")
                    + " AS n)"
                    + " SELECT k.tip_id, k.case_id, k.case_reference, l.n FROM known k, locked l")
            .setParameter("ns", TIP_LOCKS)
            .setParameter("tips", uuids(tips))
            .setParameter("case", caseId)
            .getResultList();
    Map<UUID, CaseRef> known = new HashMap<>();
    for (Object[] r : rows) {
      if (r[1] != null) {
        known.put((UUID) r[0], new CaseRef((UUID) r[1], (String) r[2]));
      }
    }
    return known;
  }

  /**
   * Writes the tips' case unless an event more recent than this one placed them, and reads, in the
   * same statement (after the tips' locks, so that a tip path that held them has committed), the
   * account.reported alerts of the moved tips it placed, oldest first.
   */
  private List<Reported> place(CaseEventV1 e, List<UUID> changed, List<UUID> moved) {
    // An event without a time (none is published so) counts as read now, as for case states.
    Instant at = e.occurredAt() == null ? Timestamps.now() : e.occurredAt();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "WITH placed AS (INSERT INTO case_state_tip AS s"
                    + " (tip_id, case_id, case_reference, placed_at)"
                    + " SELECT t, CAST(:case AS uuid), CAST(:reference AS varchar),"
                    + " CAST(:at AS timestamptz) FROM unnest(CAST(:tips AS uuid[])) t"
                    + " ON CONFLICT (tip_id) DO UPDATE SET case_id = EXCLUDED.case_id,"
                    + " case_reference = EXCLUDED.case_reference, placed_at = EXCLUDED.placed_at"
                    + " WHERE s.placed_at IS NULL OR s.placed_at <= EXCLUDED.placed_at"
                    + " RETURNING s.tip_id)"
                    + " SELECT a.id, a.tip_id, a.bank_bin, a.account_number, a.layer"
                    + " FROM placed p JOIN alert a ON a.tip_id = p.tip_id"
                    + " WHERE a.event_type = :reported AND p.tip_id = ANY (CAST(:moved AS uuid[]))"
                    + " ORDER BY a.created_at, a.id")
            .setParameter("case", e.caseId())
            .setParameter("reference", e.caseReference())
            .setParameter("at", at)
            .setParameter("tips", uuids(changed))
            .setParameter("reported", Alert.ACCOUNT_REPORTED)
            .setParameter("moved", uuids(moved))
            .getResultList();
    List<Reported> reported = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      reported.add(
          new Reported(
              (UUID) r[0],
              (UUID) r[1],
              new BankAccount((String) r[2], (String) r[3]),
              ((Number) r[4]).intValue()));
    }
    return reported;
  }

  private void tellBanks(UUID eventId, CaseEventV1 e, TraceParent trace, List<Reported> reported) {
    // One case.linked per account, naming every alert on it the case now completes.
    Map<BankAccount, List<Reported>> byAccount = new LinkedHashMap<>();
    reported.forEach(a -> byAccount.computeIfAbsent(a.account(), k -> new ArrayList<>()).add(a));
    List<BankAccount> accountsTold = new ArrayList<>(byAccount.keySet());
    Map<BankAccount, Deque<Counters>> counters = accounts.countAlerts(accountsTold);
    Alerts.Batch batch =
        alerts.batch(accountsTold.stream().map(BankAccount::bankBin).distinct().toList());
    byAccount.forEach(
        (account, linked) -> {
          Reported first = linked.get(0);
          WebhookPayload.Data data =
              new WebhookPayload.Data(
                  UUID.randomUUID(),
                  true,
                  account.bankBin(),
                  alerts.bankName(account.bankBin()),
                  account.accountNumber(),
                  null,
                  first.layer(),
                  counters.get(account).removeFirst().sequence(),
                  null,
                  null,
                  null,
                  first.tipId(),
                  e.caseId(),
                  e.caseReference(),
                  e.unitCode(),
                  null,
                  null,
                  e.occurredAt(),
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  linked.stream().map(Reported::alertId).toList(),
                  null);
          alerts.raise(
              new NewAlert(eventId, trace, Alert.CASE_LINKED, data, e.occurredAt()), batch);
        });
    batch.persistDeliveries();
  }

  private Map<UUID, CaseRef> known(Collection<UUID> tips) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT tip_id, case_id, case_reference FROM case_state_tip"
                    + " WHERE tip_id = ANY (CAST(:tips AS uuid[]))")
            .setParameter("tips", uuids(tips))
            .getResultList();
    Map<UUID, CaseRef> known = new HashMap<>();
    for (Object[] r : rows) {
      known.put((UUID) r[0], new CaseRef((UUID) r[1], (String) r[2]));
    }
    return known;
  }

  /**
   * Locks the tips until the transaction ends, in one order, so that two lockers never deadlock.
   */
  private void lock(Collection<UUID> tips) {
    em.createNativeQuery("SELECT " + lockCount("SELECT t FROM unnest(CAST(:tips AS uuid[])) t"))
        .setParameter("ns", TIP_LOCKS)
        .setParameter("tips", uuids(tips))
        .getSingleResult();
  }

  /** Counts the locks it takes on the tips {@code tips} (a query of one uuid column) selects. */
  private static String lockCount(String tips) {
    return "(SELECT count(pg_advisory_xact_lock(:ns, k)) FROM (SELECT DISTINCT"
        + " hashtext(CAST(tip AS text)) AS k FROM ("
        + tips
        + ") AS l(tip) ORDER BY k) s)";
  }

  private static String uuids(Collection<UUID> ids) {
    return ids.stream()
        .filter(Objects::nonNull)
        .map(UUID::toString)
        .collect(Collectors.joining(",", "{", "}"));
  }
}
