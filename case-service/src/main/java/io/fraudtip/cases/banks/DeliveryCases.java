package io.fraudtip.cases.banks;

import io.fraudtip.cases.linking.CaseIdentifier;
import io.fraudtip.cases.linking.Identifiers;
import io.fraudtip.cases.linking.Identifiers.Candidate;
import io.fraudtip.commons.sql.PgArrays;
import io.fraudtip.contracts.alerts.AlertDeliveredV1;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The case of each delivery of a batch, found with a statement per kind of clue for the whole
 * batch: the case id the event names, else the case holding its tip, else (an alert raised from a
 * case event, without a tip) the case holding its bank account. A merged case leads to the case
 * that absorbed it. Read as plain rows, not entities: a batch of deliveries only writes rows that
 * name the case (a multi-load of whole cases, and their dirty checks at commit, were half of the
 * deliveries' CPU in a profile at 250 tips/s).
 */
@ApplicationScoped
class DeliveryCases {
  /**
   * The case each asked id leads to, following merges: the live one, or the one reached after 100
   * hops, as {@link io.fraudtip.cases.core.Cases#current} does (one row per asked id that exists).
   */
  private static final String LIVE_CASES =
      "WITH RECURSIVE chain (asked, id, merged_into, unit_code, hops) AS ("
          + " SELECT c.id, c.id, c.merged_into, c.unit_code, 0 FROM fraud_case c"
          + " WHERE c.id = ANY (CAST(:ids AS uuid[]))"
          + " UNION ALL"
          + " SELECT ch.asked, c.id, c.merged_into, c.unit_code, ch.hops + 1"
          + " FROM chain ch JOIN fraud_case c ON c.id = ch.merged_into"
          + " WHERE ch.merged_into IS NOT NULL AND ch.hops < 100)"
          + " SELECT asked, id, unit_code FROM chain WHERE merged_into IS NULL OR hops = 100";

  /** A live case, as a delivery's rows name it: its id and the unit that holds it. */
  record CaseRef(UUID id, String unitCode) {}

  private final EntityManager em;
  private final Identifiers identifiers;

  DeliveryCases(EntityManager em, Identifiers identifiers) {
    this.em = em;
    this.identifiers = identifiers;
  }

  /** The live case of each delivery that has one, by alert id. */
  @Transactional(Transactional.TxType.MANDATORY)
  Map<UUID, CaseRef> of(Collection<AlertDeliveredV1> deliveries) {
    Map<UUID, UUID> caseIds = new HashMap<>();
    for (AlertDeliveredV1 d : deliveries) {
      if (d.caseId() != null) {
        caseIds.put(d.alertId(), d.caseId());
      }
    }
    Map<UUID, CaseRef> found = load(caseIds);
    List<AlertDeliveredV1> left = unresolved(deliveries, found);
    Map<UUID, UUID> byTip = ofTips(left.stream().map(AlertDeliveredV1::tipId).toList());
    caseIds.clear();
    for (AlertDeliveredV1 d : left) {
      if (d.tipId() != null && byTip.containsKey(d.tipId())) {
        caseIds.put(d.alertId(), byTip.get(d.tipId()));
      }
    }
    found.putAll(load(caseIds));
    left = unresolved(deliveries, found).stream().filter(d -> d.tipId() == null).toList();
    Map<String, CaseIdentifier> accounts =
        identifiers.existing(left.stream().map(DeliveryCases::account).toList());
    caseIds.clear();
    for (AlertDeliveredV1 d : left) {
      CaseIdentifier row = accounts.get(account(d).key());
      if (row != null) {
        caseIds.put(d.alertId(), row.caseId);
      }
    }
    found.putAll(load(caseIds));
    return found;
  }

  /** The case holding each of these tips that reached this service, by tip id. */
  @Transactional(Transactional.TxType.MANDATORY)
  Map<UUID, UUID> ofTips(Collection<UUID> tipIds) {
    Map<UUID, UUID> byTip = new HashMap<>();
    Set<UUID> ids = new HashSet<>(tipIds);
    ids.remove(null);
    if (ids.isEmpty()) {
      return byTip;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT tip_id, case_id FROM case_tip WHERE tip_id = ANY (CAST(:ids AS uuid[]))")
            .setParameter("ids", PgArrays.of(ids))
            .getResultList();
    rows.forEach(r -> byTip.put((UUID) r[0], (UUID) r[1]));
    return byTip;
  }

  /** The live cases of these case ids (one statement), by the key each was asked for. */
  private Map<UUID, CaseRef> load(Map<UUID, UUID> caseIds) {
    Map<UUID, CaseRef> found = new HashMap<>();
    if (caseIds.isEmpty()) {
      return found;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(LIVE_CASES)
            .setParameter("ids", PgArrays.of(new HashSet<>(caseIds.values())))
            // Nothing this transaction holds in its session changes a case before this read.
            .setFlushMode(FlushModeType.COMMIT)
            .getResultList();
    Map<UUID, CaseRef> live = new HashMap<>();
    rows.forEach(r -> live.put((UUID) r[0], new CaseRef((UUID) r[1], (String) r[2])));
    caseIds.forEach(
        (key, caseId) -> {
          CaseRef c = live.get(caseId);
          if (c != null) {
            found.put(key, c);
          }
        });
    return found;
  }

  private static List<AlertDeliveredV1> unresolved(
      Collection<AlertDeliveredV1> deliveries, Map<UUID, CaseRef> found) {
    List<AlertDeliveredV1> left = new ArrayList<>();
    for (AlertDeliveredV1 d : deliveries) {
      if (!found.containsKey(d.alertId())) {
        left.add(d);
      }
    }
    return left;
  }

  private static Candidate account(AlertDeliveredV1 d) {
    return Candidate.account(d.bankBin(), d.accountNumber(), 1);
  }
}
