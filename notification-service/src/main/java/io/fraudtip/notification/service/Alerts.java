package io.fraudtip.notification.service;

import io.fraudtip.commons.sql.PgArrays;
import io.fraudtip.commons.time.Timestamps;
import io.fraudtip.contracts.Ids;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.banks.BankDirectory;
import io.fraudtip.notification.domain.Alert;
import io.fraudtip.notification.domain.BankEndpoint;
import io.fraudtip.notification.domain.Delivery;
import io.fraudtip.notification.domain.DeliveryState;
import io.fraudtip.notification.webhook.DeliveryHandOff;
import io.fraudtip.notification.webhook.WebhookPayload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * Raises alerts for the banks that hold reported accounts, and a delivery for each of the bank's
 * endpoints that takes the alert's type; the new deliveries are handed to the dispatcher when the
 * transaction commits ({@link DeliveryHandOff}). The one way in for every source: tips ({@link
 * AlertsFromTips}) and case events ({@link AlertsFromCases}).
 */
@ApplicationScoped
class Alerts {
  private final BankDirectory banks;
  private final DeliveryHandOff handOff;
  private final EntityManager em;

  Alerts(BankDirectory banks, DeliveryHandOff handOff, EntityManager em) {
    this.banks = banks;
    this.handOff = handOff;
    this.em = em;
  }

  /**
   * The alerts raised in one transaction, written by {@link #write(Batch)}.
   *
   * @param now the transaction's time, the alerts' and deliveries' creation time
   * @param endpointsByBank the active endpoints per bank, read once per bank and transaction: a
   *     batch of tips naming the same bank asks once
   * @param alerts the alerts raised
   * @param deliveries the deliveries scheduled, of these alerts or of earlier ones
   * @param handOff the new deliveries for the dispatcher once the transaction commits
   */
  record Batch(
      Instant now,
      Map<String, List<BankEndpoint>> endpointsByBank,
      List<Alert> alerts,
      List<Delivery> deliveries,
      DeliveryHandOff.Batch handOff) {}

  /**
   * A batch starting now; each bank's active endpoints are read when its first alert comes up,
   * after taking its lock (a statement each: raisers that counted their accounts use {@link
   * #batch(Collection)}).
   */
  Batch batch() {
    return new Batch(
        Timestamps.now(), new HashMap<>(), new ArrayList<>(), new ArrayList<>(), handOff.batch());
  }

  /**
   * A batch starting now, with the active endpoints of these banks read at once, in one statement
   * (more are read as other banks come up).
   *
   * @param lockedBankBins banks whose locks the caller's transaction holds shared already ({@link
   *     BankLocks}): {@link AccountCounters} took them when it counted the alerts' accounts
   */
  Batch batch(Collection<String> lockedBankBins) {
    Map<String, List<BankEndpoint>> byBank = new HashMap<>();
    if (!lockedBankBins.isEmpty()) {
      lockedBankBins.forEach(b -> byBank.put(b, new ArrayList<>()));
      // Native, with an array: an HQL "in" list is translated to SQL again on every call (7 % of
      // notification-service's CPU at 100 tips/s in a profile).
      @SuppressWarnings("unchecked")
      List<BankEndpoint> active =
          em.createNativeQuery(
                  "SELECT * FROM bank_endpoint WHERE bank_bin = ANY (CAST(:bins AS text[]))"
                      + " AND active ORDER BY created_at",
                  BankEndpoint.class)
              .setParameter("bins", PgArrays.of(lockedBankBins))
              .setFlushMode(FlushModeType.COMMIT)
              .getResultList();
      active.forEach(e -> byBank.get(e.bankBin).add(e));
    }
    return new Batch(
        Timestamps.now(), byBank, new ArrayList<>(), new ArrayList<>(), handOff.batch());
  }

  /** Raises an alert and schedules its deliveries in the batch. */
  void raise(NewAlert raised, Batch batch) {
    Alert alert = add(raised, batch);
    List<BankEndpoint> endpoints =
        batch
            .endpointsByBank()
            .computeIfAbsent(
                alert.bankBin,
                bin -> {
                  BankLocks.shared(em, List.of(bin));
                  return BankEndpoint.list("bankBin = ?1 and active = true", bin);
                });
    for (BankEndpoint endpoint : endpoints) {
      if (endpoint.receives(raised.type())) {
        deliver(alert, endpoint, batch);
      }
    }
  }

  /** Raises an alert for the endpoints given, whatever types they take (endpoint.disabled). */
  void raiseTo(NewAlert raised, List<BankEndpoint> endpoints, Batch batch) {
    Alert alert = add(raised, batch);
    endpoints.forEach(e -> deliver(alert, e, batch));
  }

  /**
   * Writes the batch's alerts and deliveries, one statement a table ({@link AlertRows}).
   * Hibernate's pending changes go first: a delivery may name an endpoint written in the same
   * transaction.
   */
  void write(Batch batch) {
    em.flush();
    em.unwrap(Session.class).doWork(c -> AlertRows.insert(c, batch.alerts(), batch.deliveries()));
  }

  private static Alert add(NewAlert raised, Batch batch) {
    Instant now = batch.now();
    WebhookPayload.Data data = raised.data();
    Alert alert = new Alert();
    alert.id = data.alertId();
    alert.sourceEventId = raised.sourceEventId();
    alert.traceparent = raised.trace().traceparent();
    alert.tracestate = raised.trace().tracestate();
    alert.eventType = raised.type();
    alert.bankBin = data.bankBin();
    alert.accountNumber = data.accountNumber();
    alert.tipId = data.tipId();
    alert.caseId = data.caseId();
    alert.layer = data.layer();
    alert.sequence = data.sequence();
    alert.advisory = data.advisory();
    alert.createdAt = now;
    alert.triggeredAt = raised.triggeredAt();
    alert.payload = Json.write(new WebhookPayload(raised.type(), now, data));
    batch.alerts().add(alert);
    return alert;
  }

  /**
   * Schedules an alert's delivery to one endpoint in the batch: a new alert's, or an earlier one's
   * that found no endpoint taking it ({@link AlertBacklog}).
   */
  void deliver(Alert alert, BankEndpoint endpoint, Batch batch) {
    Delivery d = new Delivery();
    d.id = Ids.next();
    d.webhookId = Delivery.webhookIdOf(d.id);
    d.alertId = alert.id;
    d.endpointId = endpoint.id;
    d.bankBin = alert.bankBin;
    d.eventType = alert.eventType;
    d.state = DeliveryState.PENDING;
    d.createdAt = batch.now();
    batch.handOff().schedule(d, alert, endpoint, batch.now());
    batch.deliveries().add(d);
  }

  /** The bank's name in the directory, for the webhook; null when it is not there. */
  String bankName(String bin) {
    return banks.byBin(bin).map(BankDirectory.Bank::name).orElse(null);
  }

  static <T> List<T> nullSafe(List<T> list) {
    return list == null ? List.of() : list;
  }
}
