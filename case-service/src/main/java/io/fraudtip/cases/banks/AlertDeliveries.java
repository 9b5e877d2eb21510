package io.fraudtip.cases.banks;

import static io.fraudtip.commons.sql.ArrayRows.column;
import static io.fraudtip.commons.sql.ArrayRows.instant;

import io.fraudtip.cases.banks.DeliveryCases.CaseRef;
import io.fraudtip.cases.core.CaseEvents;
import io.fraudtip.cases.core.CaseEvents.Line;
import io.fraudtip.cases.core.Cases;
import io.fraudtip.cases.core.Clock;
import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.cases.core.TimelineKind;
import io.fraudtip.cases.linking.Identifiers;
import io.fraudtip.cases.linking.TipsLinked;
import io.fraudtip.commons.inbox.IncomingEvent;
import io.fraudtip.commons.sql.ArrayRows;
import io.fraudtip.contracts.alerts.AlertDeliveredV1;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Alerts that reached their banks (alert-deliveries.v1): a line in the case's timeline and the
 * delivery facts the statistics measure the time to alert and to the bank's answer from. Taken a
 * batch at a time, with a statement per step for the whole batch.
 */
@ApplicationScoped
public class AlertDeliveries {
  /**
   * A batch's deliveries in one statement; an alert stored already (a replay, under whatever event
   * id) is left as it is, and is not returned.
   */
  private static final String INSERT_DELIVERIES =
      "INSERT INTO alert_delivery (alert_id, event_id, case_id, tip_id, webhook_type, bank_bin,"
          + " account_number, layer, triggered_at, delivered_at, attempts, received_at)"
          + " SELECT * FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS timestamptz[]),"
          + " CAST(? AS timestamptz[]), ?, CAST(? AS timestamptz[]))"
          + " ON CONFLICT (alert_id) DO NOTHING RETURNING alert_id";

  private final CaseEvents events;
  private final Identifiers identifiers;
  private final DeliveryCases deliveryCases;
  private final Cases cases;
  private final EntityManager em;
  private final Clock clock;

  AlertDeliveries(
      CaseEvents events,
      Identifiers identifiers,
      DeliveryCases deliveryCases,
      Cases cases,
      EntityManager em,
      Clock clock) {
    this.events = events;
    this.identifiers = identifiers;
    this.deliveryCases = deliveryCases;
    this.cases = cases;
    this.em = em;
    this.clock = clock;
  }

  /**
   * Takes a batch of deliveries in one transaction, each alert once, whatever event id a replay
   * carries: the alert's own row is the dedupe (its key is the alert id), so no event id is
   * recorded beside it.
   *
   * @throws IllegalArgumentException when a delivery lacks its alert id or time (one without a bank
   *     account concerns no case and is skipped)
   * @throws IllegalStateException when a delivery without a tip names no known case (the batch is
   *     then taken one by one, and that delivery goes to the dead-letter topic alone, with this
   *     reason: never dropped silently)
   */
  @Transactional
  public void onDelivered(List<IncomingEvent<AlertDeliveredV1>> batch) {
    Map<UUID, IncomingEvent<AlertDeliveredV1>> byAlert = new LinkedHashMap<>();
    for (IncomingEvent<AlertDeliveredV1> e : batch) {
      AlertDeliveredV1 d = e.payload();
      if (d == null || d.alertId() == null || d.deliveredAt() == null) {
        throw new IllegalArgumentException("alert delivery without alert id or time");
      }
      if (d.bankBin() == null || d.accountNumber() == null) {
        // An alert about no account (endpoint.disabled, to a bank's other endpoints) belongs to
        // no case: nothing to record, and no reason for the dead-letter topic.
        continue;
      }
      byAlert.putIfAbsent(d.alertId(), e);
    }
    if (byAlert.isEmpty()) {
      return;
    }
    List<AlertDeliveredV1> taken = byAlert.values().stream().map(IncomingEvent::payload).toList();
    Map<UUID, CaseRef> caseOf = deliveryCases.of(taken);
    // A delivery whose tip waits for its case is serialised with that tip's linking, so that it is
    // never left pending beside a tip that committed meanwhile; one whose tip is in a case already
    // is past that race (read committed: the read after the lock sees a linking committed while
    // it waited). Only the waiting take the tip's lock, so that a delivery for a linked tip never
    // waits for a batch of tips, nor holds one up.
    List<AlertDeliveredV1> waiting =
        taken.stream().filter(d -> d.tipId() != null && !caseOf.containsKey(d.alertId())).toList();
    if (!waiting.isEmpty()) {
      identifiers.lock(waiting.stream().map(AlertDeliveredV1::tipId).toList(), List.of());
      caseOf.putAll(deliveryCases.of(waiting));
    }
    Instant now = clock.now();
    List<Stored> rows = new ArrayList<>();
    for (IncomingEvent<AlertDeliveredV1> e : byAlert.values()) {
      AlertDeliveredV1 d = e.payload();
      CaseRef c = caseOf.get(d.alertId());
      if (c == null && d.tipId() == null) {
        throw new IllegalStateException("no case for the delivery of alert " + d.alertId());
      }
      // Without a case, the tip is still on its way to this service: its linking attaches it.
      rows.add(new Stored(e.eventId(), d, c));
    }
    Set<UUID> stored =
        new HashSet<>(
            em.unwrap(Session.class)
                .doReturningWork(
                    connection ->
                        ArrayRows.returning(
                            connection,
                            INSERT_DELIVERIES,
                            UUID.class,
                            rows,
                            column("uuid", (Stored r) -> r.d().alertId()),
                            column("uuid", Stored::eventId),
                            column("uuid", (Stored r) -> r.c() == null ? null : r.c().id()),
                            column("uuid", (Stored r) -> r.d().tipId()),
                            column("text", (Stored r) -> r.d().webhookType()),
                            column("text", (Stored r) -> r.d().bankBin()),
                            column("text", (Stored r) -> r.d().accountNumber()),
                            column("int4", Stored::layer),
                            instant(Stored::triggeredAt),
                            instant((Stored r) -> r.d().deliveredAt()),
                            column("int4", Stored::attempts),
                            instant((Stored r) -> now))));
    // Only the alerts stored now go on the timeline: a replayed one is there already.
    List<Line> lines = new ArrayList<>();
    for (Stored r : rows) {
      if (r.c() != null && stored.contains(r.d().alertId())) {
        lines.add(
            alerted(
                r.c().id(),
                r.c().unitCode(),
                r.d().bankBin(),
                r.d().accountNumber(),
                r.layer(),
                r.attempts(),
                r.d().webhookType(),
                r.d().deliveredAt()));
      }
    }
    events.recordAll(lines);
  }

  /** A delivery as its row stores it: the event, the case (null while its tip is on its way). */
  private record Stored(UUID eventId, AlertDeliveredV1 d, CaseRef c) {
    int layer() {
      return Math.max(1, d.layer());
    }

    int attempts() {
      return Math.max(1, d.attempts());
    }

    Instant triggeredAt() {
      return d.triggeredAt() == null ? d.deliveredAt() : d.triggeredAt();
    }
  }

  /**
   * Attaches the deliveries that arrived before their tips to the tips' cases: one statement for
   * the batch of tips (and none more when, as usual, nothing waited).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  void attachPending(@Observes TipsLinked linked) {
    List<AlertDelivery> pending = AlertDelivery.pendingForTips(linked.targets().keySet());
    List<Line> lines = new ArrayList<>();
    for (AlertDelivery d : pending) {
      // A later tip of the batch may have merged the tip's case into another.
      FraudCase c = cases.current(linked.targets().get(d.tipId));
      d.caseId = c.id;
      lines.add(
          alerted(
              c.id,
              c.unitCode,
              d.bankBin,
              d.accountNumber,
              d.layer,
              d.attempts,
              d.webhookType,
              d.deliveredAt));
    }
    events.recordAll(lines);
  }

  /** The timeline line of an alert delivered to its bank. */
  private static Line alerted(
      UUID caseId,
      String unitCode,
      String bankBin,
      String accountNumber,
      int layer,
      int attempts,
      String webhookType,
      Instant deliveredAt) {
    return new Line(
        caseId,
        unitCode,
        TimelineKind.BANK_ALERTED,
        "bank:" + bankBin,
        null,
        "Bank "
            + bankBin
            + " alerted about account "
            + accountNumber
            + ", layer "
            + layer
            + ", after "
            + attempts
            + (attempts == 1 ? " attempt" : " attempts")
            + (webhookType == null ? "" : " (" + webhookType + ")"),
        deliveredAt);
  }
}
