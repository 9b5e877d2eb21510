package io.fraudtip.notification.service;

import io.fraudtip.commons.inbox.ProcessedEvents;
import io.fraudtip.commons.sql.PgArrays;
import io.fraudtip.commons.time.Timestamps;
import io.fraudtip.commons.tx.GenericPlans;
import io.fraudtip.contracts.Ids;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

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
   * Records the case of every tip the case events of a polled batch name, in their order; the tips
   * new to a case (first seen, or moved by a merge) send a {@code case.linked} for each account
   * their earlier alerts reported. Idempotent: an event is handled once ({@link ProcessedEvents}).
   * A tip is not moved by an event older than the one that placed it: events of different cases
   * come in any order (SPEC §4), and an event of a case a merge absorbed, read after the merge,
   * would move the tip back.
   *
   * <p>The batch takes its locks as a batch of tips does, each kind in one statement and one order:
   * the tips' first ({@link #knownLockingMoved}), then the banks' and the accounts' rows (one
   * {@link AccountCounters} statement for every {@code case.linked} of the batch). Taken per event,
   * they could deadlock with a batch of tips taking the same rows in one statement.
   */
  @Transactional
  public void onCaseEvents(List<CaseEventEffects.CaseEvent> events) {
    List<CaseEventEffects.CaseEvent> linking =
        events.stream().filter(e -> e.event().caseId() != null && !tips(e).isEmpty()).toList();
    if (linking.isEmpty()) {
      return;
    }
    // Every statement below finds its rows by key (tips, alerts, accounts), over arrays.
    GenericPlans.use(em);
    // An event handled before (redelivered after a crash, its offset not committed) is skipped:
    // replayed after a later merge on another partition, it would move its tips back to the case
    // they left and tell the banks again under the same event id (seen in the fault suite as
    // dead-lettered duplicate case.linked alerts).
    Set<UUID> fresh =
        processed.firstTimes(
            linking.stream().map(CaseEventEffects.CaseEvent::eventId).toList(), CONSUMER);
    // remove(): an event that comes twice in one poll takes effect once.
    linking = linking.stream().filter(e -> fresh.remove(e.eventId())).toList();
    if (linking.isEmpty()) {
      return;
    }
    Map<UUID, CaseRef> known = knownLockingMoved(linking);
    List<Told> told = new ArrayList<>();
    // The events' placements go in one statement until an event names a tip one of them places:
    // that event compares against what the statement did place.
    List<Placement> pending = new ArrayList<>();
    Set<UUID> pendingTips = new HashSet<>();
    List<CaseEventEffects.CaseEvent> pendingEvents = new ArrayList<>();
    for (CaseEventEffects.CaseEvent c : linking) {
      List<UUID> tips = tips(c);
      if (tips.stream().anyMatch(pendingTips::contains)) {
        place(pending, pendingEvents, known, told);
        pendingTips.clear();
      }
      CaseEventV1 e = c.event();
      // An event without a time (none is published so) counts as read now, as for case states.
      Instant at = e.occurredAt() == null ? Timestamps.now() : e.occurredAt();
      int event = pendingEvents.size();
      boolean places = false;
      for (UUID tip : tips) {
        CaseRef was = known.get(tip);
        boolean moved = was == null || !e.caseId().equals(was.caseId());
        // Or mapped before the reference was kept.
        if (moved || (e.caseReference() != null && !e.caseReference().equals(was.reference()))) {
          pending.add(new Placement(event, tip, e.caseId(), e.caseReference(), at, moved));
          pendingTips.add(tip);
          places = true;
        }
      }
      if (places) {
        pendingEvents.add(c);
      }
    }
    place(pending, pendingEvents, known, told);
    if (!told.isEmpty()) {
      tellBanks(told);
    }
  }

  private static List<UUID> tips(CaseEventEffects.CaseEvent c) {
    return Alerts.nullSafe(c.event().tipIds()).stream()
        .filter(Objects::nonNull)
        .distinct()
        .toList();
  }

  /** An account.reported alert of a tip the event moved: what its case.linked names. */
  private record Reported(UUID alertId, UUID tipId, BankAccount account, int layer) {}

  /**
   * A tip an event places in its case: the event's place among those of one statement, its case,
   * its time, and whether it moves the tip (not a reference kept late).
   */
  private record Placement(
      int event, UUID tip, UUID caseId, String reference, Instant at, boolean moved) {}

  /** An event and the alerts its case.linked names. */
  private record Told(CaseEventEffects.CaseEvent event, List<Reported> reported) {}

  /**
   * The case each tip of the events is known to be in (none for a tip not seen yet), in one
   * statement that also locks, for the rest of the transaction, every tip that an event would move
   * (not known in that event's case; a tip path raising their alerts commits first). The tip path
   * writes no case, so reading the cases before the wait for the locks misses nothing; the alerts
   * are read after them ({@link #place}).
   */
  private Map<UUID, CaseRef> knownLockingMoved(List<CaseEventEffects.CaseEvent> events) {
    List<UUID> tips = new ArrayList<>();
    List<UUID> cases = new ArrayList<>();
    for (CaseEventEffects.CaseEvent c : events) {
      for (UUID tip : tips(c)) {
        tips.add(tip);
        cases.add(c.event().caseId());
      }
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "WITH named AS MATERIALIZED (SELECT t.tip_id, t.case_id AS named_case,"
                    + " s.case_id, s.case_reference"
                    + " FROM unnest(CAST(:tips AS uuid[]), CAST(:cases AS uuid[])) AS t(tip_id, case_id)"
                    + " LEFT JOIN case_state_tip s ON s.tip_id = t.tip_id),"
                    + " locked AS MATERIALIZED (SELECT "
                    + lockCount(
                        "SELECT tip_id FROM named WHERE case_id IS DISTINCT FROM named_case")
                    + " AS n)"
                    + " SELECT DISTINCT k.tip_id, k.case_id, k.case_reference, l.n"
                    + " FROM named k, locked l")
            .setParameter("ns", TIP_LOCKS)
            .setParameter("tips", uuids(tips))
            .setParameter("cases", uuids(cases))
            .getResultList();
    return caseRefs(rows);
  }

  /**
   * Writes the tips' cases unless an event more recent than theirs placed them, and reads, in the
   * same statement (after the tips' locks, so that a tip path that held them has committed), the
   * tips placed and the account.reported alerts of the moved tips placed, by event, oldest first.
   * What the next events of the batch compare against ({@code known}) becomes the tips each event
   * did place; each event whose moved tips had alerts joins {@code told}. Empties {@code
   * placements} and {@code events}.
   */
  private void place(
      List<Placement> placements,
      List<CaseEventEffects.CaseEvent> events,
      Map<UUID, CaseRef> known,
      List<Told> told) {
    if (placements.isEmpty()) {
      return;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "WITH input AS MATERIALIZED (SELECT * FROM unnest(CAST(:events AS int4[]),"
                    + " CAST(:tips AS uuid[]), CAST(:cases AS uuid[]), CAST(:refs AS text[]),"
                    + " CAST(:ats AS timestamptz[]), CAST(:moved AS bool[]))"
                    + " AS t(event, tip_id, case_id, case_reference, placed_at, moved)),"
                    + " placed AS (INSERT INTO case_state_tip AS s"
                    + " (tip_id, case_id, case_reference, placed_at)"
                    + " SELECT tip_id, case_id, case_reference, placed_at FROM input"
                    + " ON CONFLICT (tip_id) DO UPDATE SET case_id = EXCLUDED.case_id,"
                    + " case_reference = EXCLUDED.case_reference, placed_at = EXCLUDED.placed_at"
                    + " WHERE s.placed_at IS NULL OR s.placed_at <= EXCLUDED.placed_at"
                    + " RETURNING s.tip_id)"
                    + " SELECT i.event, p.tip_id, a.id, a.bank_bin, a.account_number, a.layer"
                    + " FROM placed p JOIN input i ON i.tip_id = p.tip_id"
                    + " LEFT JOIN alert a ON a.tip_id = p.tip_id AND i.moved"
                    + " AND a.event_type = :reported ORDER BY i.event, a.created_at, a.id")
            .setParameter("events", column(placements, Placement::event))
            .setParameter("tips", column(placements, Placement::tip))
            .setParameter("cases", column(placements, Placement::caseId))
            .setParameter("refs", column(placements, Placement::reference))
            .setParameter("ats", column(placements, Placement::at))
            .setParameter("moved", column(placements, Placement::moved))
            .setParameter("reported", Alert.ACCOUNT_REPORTED)
            .getResultList();
    List<List<Reported>> reported = new ArrayList<>();
    events.forEach(e -> reported.add(new ArrayList<>()));
    for (Object[] r : rows) {
      int event = ((Number) r[0]).intValue();
      UUID tip = (UUID) r[1];
      CaseEventV1 e = events.get(event).event();
      known.put(tip, new CaseRef(e.caseId(), e.caseReference()));
      if (r[2] != null) {
        reported
            .get(event)
            .add(
                new Reported(
                    (UUID) r[2],
                    tip,
                    new BankAccount((String) r[3], (String) r[4]),
                    ((Number) r[5]).intValue()));
      }
    }
    for (int i = 0; i < events.size(); i++) {
      if (!reported.get(i).isEmpty()) {
        told.add(new Told(events.get(i), reported.get(i)));
      }
    }
    placements.clear();
    events.clear();
  }

  /**
   * One case.linked per event and account, naming every alert on it the event's case now completes;
   * the accounts of the whole batch counted in one statement.
   */
  private void tellBanks(List<Told> told) {
    List<Map<BankAccount, List<Reported>>> byEvent = new ArrayList<>();
    List<BankAccount> named = new ArrayList<>();
    for (Told t : told) {
      Map<BankAccount, List<Reported>> byAccount = new LinkedHashMap<>();
      t.reported()
          .forEach(a -> byAccount.computeIfAbsent(a.account(), k -> new ArrayList<>()).add(a));
      byEvent.add(byAccount);
      named.addAll(byAccount.keySet());
    }
    Map<BankAccount, Deque<Counters>> counters = accounts.countAlerts(named);
    Alerts.Batch batch = alerts.batch(named.stream().map(BankAccount::bankBin).distinct().toList());
    for (int i = 0; i < told.size(); i++) {
      CaseEventEffects.CaseEvent c = told.get(i).event();
      CaseEventV1 e = c.event();
      byEvent
          .get(i)
          .forEach(
              (account, linked) -> {
                Reported first = linked.get(0);
                WebhookPayload.Data data =
                    new WebhookPayload.Data(
                        Ids.next(),
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
                    new NewAlert(c.eventId(), c.trace(), Alert.CASE_LINKED, data, e.occurredAt()),
                    batch);
              });
    }
    alerts.write(batch);
  }

  private Map<UUID, CaseRef> known(Collection<UUID> tips) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT tip_id, case_id, case_reference FROM case_state_tip"
                    + " WHERE tip_id = ANY (CAST(:tips AS uuid[]))")
            .setParameter("tips", uuids(tips))
            .getResultList();
    return caseRefs(rows);
  }

  /**
   * Rows of (tip id, case id, case reference, …) as each tip's case; a row without a case: none.
   */
  private static Map<UUID, CaseRef> caseRefs(List<Object[]> rows) {
    Map<UUID, CaseRef> known = new HashMap<>();
    for (Object[] r : rows) {
      if (r[1] != null) {
        known.put((UUID) r[0], new CaseRef((UUID) r[1], (String) r[2]));
      }
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

  /** One column of the placements, as an array literal. */
  private static String column(List<Placement> placements, Function<Placement, ?> value) {
    return PgArrays.ofNullable(placements.stream().map(value).toList());
  }

  private static String uuids(Collection<UUID> ids) {
    return PgArrays.of(ids.stream().filter(Objects::nonNull).toList());
  }
}
