package io.fraudtip.cases.banks;

import io.fraudtip.cases.core.Cases;
import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.cases.linking.CaseIdentifier;
import io.fraudtip.cases.linking.Identifiers;
import io.fraudtip.cases.linking.Identifiers.Candidate;
import io.fraudtip.commons.sql.PgArrays;
import io.fraudtip.contracts.alerts.AlertDeliveredV1;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The case of each delivery of a batch, found with a statement per kind of clue for the whole
 * batch: the case id the event names, else the case holding its tip, else (an alert raised from a
 * case event, without a tip) the case holding its bank account. A merged case leads to the case
 * that absorbed it.
 */
@ApplicationScoped
class DeliveryCases {
  private final EntityManager em;
  private final Identifiers identifiers;
  private final Cases cases;

  DeliveryCases(EntityManager em, Identifiers identifiers, Cases cases) {
    this.em = em;
    this.identifiers = identifiers;
    this.cases = cases;
  }

  /** The live case of each delivery that has one, by alert id. */
  @Transactional(Transactional.TxType.MANDATORY)
  Map<UUID, FraudCase> of(Collection<AlertDeliveredV1> deliveries) {
    Map<UUID, UUID> caseIds = new HashMap<>();
    for (AlertDeliveredV1 d : deliveries) {
      if (d.caseId() != null) {
        caseIds.put(d.alertId(), d.caseId());
      }
    }
    Map<UUID, FraudCase> found = load(caseIds);
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
  private Map<UUID, FraudCase> load(Map<UUID, UUID> caseIds) {
    Map<UUID, FraudCase> found = new HashMap<>();
    if (caseIds.isEmpty()) {
      return found;
    }
    Map<UUID, FraudCase> byId = new HashMap<>();
    // By id, as a multi-load (one array-bound statement, cached): a "id in" list was translated
    // to SQL again on every call.
    em
        .unwrap(Session.class)
        .byMultipleIds(FraudCase.class)
        .multiLoad(List.copyOf(new HashSet<>(caseIds.values())))
        .stream()
        .filter(Objects::nonNull)
        .forEach(c -> byId.put(c.id, c));
    caseIds.forEach(
        (key, caseId) -> {
          FraudCase c = byId.get(caseId);
          if (c != null) {
            found.put(key, cases.current(c));
          }
        });
    found.values().removeIf(Objects::isNull);
    return found;
  }

  private static List<AlertDeliveredV1> unresolved(
      Collection<AlertDeliveredV1> deliveries, Map<UUID, FraudCase> found) {
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
