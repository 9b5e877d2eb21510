package io.fraudtip.notification.service;

import io.fraudtip.commons.inbox.ProcessedEvents;
import io.fraudtip.contracts.banks.BankAccount;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.notification.domain.Alert;
import io.fraudtip.notification.service.AccountCounters.Counters;
import io.fraudtip.notification.webhook.WebhookPayload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
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
   * Idempotent: an event is handled once ({@link ProcessedEvents}).
   */
  @Transactional
  public void onCaseEvent(UUID eventId, CaseEventV1 e, TraceParent trace) {
    List<UUID> tips = Alerts.nullSafe(e.tipIds()).stream().distinct().toList();
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
    Map<UUID, CaseRef> known = known(tips);
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
    if (!moved.isEmpty()) {
      lock(moved);
    }
    em.createNativeQuery(
            "INSERT INTO case_state_tip (tip_id, case_id, case_reference)"
                + " SELECT t, :case, :reference FROM unnest(CAST(:tips AS uuid[])) t"
                + " ON CONFLICT (tip_id) DO UPDATE SET case_id = EXCLUDED.case_id,"
                + " case_reference = EXCLUDED.case_reference")
        .setParameter("case", e.caseId())
        .setParameter("reference", e.caseReference())
        .setParameter("tips", uuids(changed))
        .executeUpdate();
    if (!moved.isEmpty()) {
      tellBanks(eventId, e, trace, moved);
    }
  }

  private void tellBanks(UUID eventId, CaseEventV1 e, TraceParent trace, List<UUID> tips) {
    List<Alert> reported =
        Alert.list(
            "eventType = ?1 and tipId in ?2 order by createdAt, id", Alert.ACCOUNT_REPORTED, tips);
    // One case.linked per account, naming every alert on it the case now completes.
    Map<BankAccount, List<Alert>> byAccount = new LinkedHashMap<>();
    reported.forEach(
        a ->
            byAccount
                .computeIfAbsent(
                    new BankAccount(a.bankBin, a.accountNumber), k -> new ArrayList<>())
                .add(a));
    if (byAccount.isEmpty()) {
      return;
    }
    Map<BankAccount, Deque<Counters>> counters =
        accounts.countAlerts(new ArrayList<>(byAccount.keySet()));
    Alerts.Batch batch = alerts.batch();
    byAccount.forEach(
        (account, linked) -> {
          Alert first = linked.get(0);
          WebhookPayload.Data data =
              new WebhookPayload.Data(
                  UUID.randomUUID(),
                  true,
                  account.bankBin(),
                  alerts.bankName(account.bankBin()),
                  account.accountNumber(),
                  null,
                  first.layer,
                  counters.get(account).removeFirst().sequence(),
                  null,
                  null,
                  null,
                  first.tipId,
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
                  linked.stream().map(a -> a.id).toList(),
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
    em.createNativeQuery(
            "SELECT count(pg_advisory_xact_lock(:ns, k)) FROM (SELECT DISTINCT"
                + " hashtext(CAST(t AS text)) AS k FROM unnest(CAST(:tips AS uuid[])) t ORDER BY k) s")
        .setParameter("ns", TIP_LOCKS)
        .setParameter("tips", uuids(tips))
        .getSingleResult();
  }

  private static String uuids(Collection<UUID> ids) {
    return ids.stream()
        .filter(Objects::nonNull)
        .map(UUID::toString)
        .collect(Collectors.joining(",", "{", "}"));
  }
}
