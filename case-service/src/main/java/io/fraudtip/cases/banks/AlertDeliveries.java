package io.fraudtip.cases.banks;

import io.fraudtip.cases.core.CaseEvents;
import io.fraudtip.cases.core.Cases;
import io.fraudtip.cases.core.Clock;
import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.cases.core.TimelineKind;
import io.fraudtip.cases.linking.Identifiers;
import io.fraudtip.cases.linking.TipsLinked;
import io.fraudtip.commons.inbox.IncomingEvent;
import io.fraudtip.commons.inbox.ProcessedEvents;
import io.fraudtip.commons.sql.PgArrays;
import io.fraudtip.contracts.alerts.AlertDeliveredV1;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Alerts that reached their banks (alert-deliveries.v1): a line in the case's timeline and the
 * delivery facts the statistics measure the time to alert and to the bank's answer from. Taken a
 * batch at a time, with a statement per step for the whole batch.
 */
@ApplicationScoped
public class AlertDeliveries {
  private static final String CONSUMER = "case-service.alert-deliveries";

  private final ProcessedEvents processed;
  private final CaseEvents events;
  private final Identifiers identifiers;
  private final DeliveryCases deliveryCases;
  private final Cases cases;
  private final EntityManager em;
  private final Clock clock;

  AlertDeliveries(
      ProcessedEvents processed,
      CaseEvents events,
      Identifiers identifiers,
      DeliveryCases deliveryCases,
      Cases cases,
      EntityManager em,
      Clock clock) {
    this.processed = processed;
    this.events = events;
    this.identifiers = identifiers;
    this.deliveryCases = deliveryCases;
    this.cases = cases;
    this.em = em;
    this.clock = clock;
  }

  /**
   * Takes a batch of deliveries in one transaction, each alert once, whatever event id a replay
   * carries.
   *
   * @throws IllegalArgumentException when a delivery lacks its alert id, bank, account or time
   * @throws IllegalStateException when a delivery without a tip names no known case (the batch is
   *     then taken one by one, and that delivery goes to the dead-letter topic alone, with this
   *     reason: never dropped silently)
   */
  @Transactional
  public void onDelivered(List<IncomingEvent<AlertDeliveredV1>> batch) {
    for (IncomingEvent<AlertDeliveredV1> e : batch) {
      AlertDeliveredV1 d = e.payload();
      if (d == null
          || d.alertId() == null
          || d.bankBin() == null
          || d.accountNumber() == null
          || d.deliveredAt() == null) {
        throw new IllegalArgumentException(
            "alert delivery without alert id, bank, account or time");
      }
    }
    Set<UUID> fresh =
        processed.firstTimes(batch.stream().map(IncomingEvent::eventId).toList(), CONSUMER);
    Map<UUID, IncomingEvent<AlertDeliveredV1>> byAlert = new LinkedHashMap<>();
    for (IncomingEvent<AlertDeliveredV1> e : batch) {
      if (fresh.contains(e.eventId())) {
        byAlert.putIfAbsent(e.payload().alertId(), e);
      }
    }
    byAlert.keySet().removeAll(known(byAlert.keySet()));
    if (byAlert.isEmpty()) {
      return;
    }
    // Serialises with the linking of the same tips, so that a delivery is never left pending
    // beside a tip that committed meanwhile.
    Set<UUID> tips = new HashSet<>();
    byAlert.values().forEach(e -> tips.add(e.payload().tipId()));
    tips.remove(null);
    identifiers.lock(tips, List.of());
    Map<UUID, FraudCase> caseOf =
        deliveryCases.of(byAlert.values().stream().map(IncomingEvent::payload).toList());
    for (IncomingEvent<AlertDeliveredV1> e : byAlert.values()) {
      store(e.eventId(), e.payload(), caseOf.get(e.payload().alertId()));
    }
  }

  private void store(UUID eventId, AlertDeliveredV1 d, FraudCase c) {
    if (c == null && d.tipId() == null) {
      throw new IllegalStateException("no case for the delivery of alert " + d.alertId());
    }
    AlertDelivery row = new AlertDelivery();
    row.alertId = d.alertId();
    row.eventId = eventId;
    row.tipId = d.tipId();
    row.webhookType = d.webhookType();
    row.bankBin = d.bankBin();
    row.accountNumber = d.accountNumber();
    row.layer = Math.max(1, d.layer());
    row.deliveredAt = d.deliveredAt();
    row.triggeredAt = d.triggeredAt() == null ? d.deliveredAt() : d.triggeredAt();
    row.attempts = Math.max(1, d.attempts());
    row.receivedAt = clock.now();
    if (c != null) {
      row.caseId = c.id;
      recordOn(c, row);
    }
    // Otherwise the tip is still on its way to this service: its linking attaches it.
    row.persist();
  }

  /** Ids among these of alerts whose delivery is stored already. */
  private Set<UUID> known(Set<UUID> alertIds) {
    if (alertIds.isEmpty()) {
      return Set.of();
    }
    @SuppressWarnings("unchecked")
    List<UUID> found =
        em.createNativeQuery(
                "SELECT alert_id FROM alert_delivery WHERE alert_id = ANY (CAST(:ids AS uuid[]))")
            .setParameter("ids", PgArrays.of(alertIds))
            .getResultList();
    return new HashSet<>(found);
  }

  /**
   * Attaches the deliveries that arrived before their tips to the tips' cases: one statement for
   * the batch of tips (and none more when, as usual, nothing waited).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  void attachPending(@Observes TipsLinked linked) {
    List<AlertDelivery> pending = AlertDelivery.pendingForTips(linked.targets().keySet());
    for (AlertDelivery d : pending) {
      // A later tip of the batch may have merged the tip's case into another.
      FraudCase c = cases.current(linked.targets().get(d.tipId));
      d.caseId = c.id;
      recordOn(c, d);
    }
  }

  private void recordOn(FraudCase c, AlertDelivery d) {
    events.record(
        c,
        TimelineKind.BANK_ALERTED,
        "bank:" + d.bankBin,
        null,
        "Bank "
            + d.bankBin
            + " alerted about account "
            + d.accountNumber
            + ", layer "
            + d.layer
            + ", after "
            + d.attempts
            + (d.attempts == 1 ? " attempt" : " attempts")
            + (d.webhookType == null ? "" : " (" + d.webhookType + ")"),
        d.deliveredAt);
  }
}
