package io.fraudtip.notification.service;

import io.fraudtip.notification.config.WebhookConfig;
import io.fraudtip.notification.domain.Alert;
import io.fraudtip.notification.domain.BankEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Alerts raised while no active endpoint of their bank took their type reach an endpoint that
 * becomes active later (registered or re-enabled), through the usual deliveries and dispatcher,
 * within {@link WebhookConfig#backlogWindow()} and oldest first. Once: an alert with a delivery is
 * no longer in the backlog, and a lock per bank keeps two endpoints activated at once from both
 * taking it, and an alert raised meanwhile from being missed by both paths ({@link BankLocks}).
 */
@ApplicationScoped
class AlertBacklog {
  /** At most this many alerts per activation: a bank silent for days gets the newest ones. */
  private static final int MAX = 10_000;

  private final WebhookConfig config;
  private final EntityManager em;
  private final Alerts alerts;

  AlertBacklog(WebhookConfig config, EntityManager em, Alerts alerts) {
    this.config = config;
    this.em = em;
    this.alerts = alerts;
  }

  /**
   * Schedules the bank's undelivered alerts of the endpoint's types to it, in the caller's
   * transaction (the endpoint is active and written).
   *
   * @return how many
   */
  int deliverTo(BankEndpoint endpoint) {
    BankLocks.exclusive(em, endpoint.bankBin);
    Alerts.Batch batch = alerts.batch();
    List<Alert> waiting =
        em.createQuery(
                "select a from Alert a where a.bankBin = :bank and a.createdAt >= :from"
                    + " and a.eventType in :types and a.eventType <> :disabled"
                    + " and not exists (select 1 from Delivery d where d.alertId = a.id)"
                    + " order by a.createdAt desc, a.id desc",
                Alert.class)
            .setParameter("bank", endpoint.bankBin)
            .setParameter("from", batch.now().minus(config.backlogWindow()))
            .setParameter("types", endpoint.eventTypeList())
            .setParameter("disabled", Alert.ENDPOINT_DISABLED)
            .setMaxResults(MAX)
            .getResultList();
    // Sent oldest first, so that a bank reading them in order sees each account's alerts in turn.
    for (int i = waiting.size() - 1; i >= 0; i--) {
      alerts.deliver(waiting.get(i), endpoint, batch);
    }
    alerts.write(batch);
    return waiting.size();
  }
}
