package io.fraudtip.notification.service;

import io.fraudtip.contracts.Ids;
import io.fraudtip.notification.domain.Alert;
import io.fraudtip.notification.domain.BankEndpoint;
import io.fraudtip.notification.domain.EndpointDisabled;
import io.fraudtip.notification.domain.OperatorNotice;
import io.fraudtip.notification.webhook.WebhookPayload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Who is told when an endpoint is disabled, in the transaction that disabled it: the bank's other
 * active endpoints get an {@code endpoint.disabled} webhook (whatever types they take: the bank may
 * not know it lost one), and the operators a notice when the bank did it itself (the failure rule
 * and a 410 write theirs in {@code EndpointHealth}).
 */
@ApplicationScoped
class DisabledEndpoints {
  private static final Logger LOG = Logger.getLogger(DisabledEndpoints.class);

  private final Alerts alerts;

  DisabledEndpoints(Alerts alerts) {
    this.alerts = alerts;
  }

  void onDisabled(@Observes EndpointDisabled e) {
    if (BankEndpoint.DISABLED_BY_USER.equals(e.reason())) {
      OperatorNotice notice = new OperatorNotice();
      notice.id = Ids.next();
      notice.kind = OperatorNotice.ENDPOINT_DISABLED;
      notice.bankBin = e.bankBin();
      notice.endpointId = e.endpointId();
      notice.message =
          "Webhook endpoint " + e.endpointId() + " of bank " + e.bankBin() + " " + e.why() + ".";
      notice.createdAt = e.at();
      notice.persist();
      LOG.infof("Operators: %s", notice.message);
    }
    List<BankEndpoint> others =
        BankEndpoint.list(
            "bankBin = ?1 and active = true and id <> ?2 order by createdAt",
            e.bankBin(),
            e.endpointId());
    if (others.isEmpty()) {
      return;
    }
    Alerts.Batch batch = alerts.batch();
    WebhookPayload.Data data =
        new WebhookPayload.Data(
            Ids.next(),
            true,
            e.bankBin(),
            alerts.bankName(e.bankBin()),
            null,
            null,
            0,
            0,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            e.at(),
            e.why(),
            null,
            null,
            null,
            null,
            null,
            null,
            new WebhookPayload.DisabledEndpoint(e.endpointId(), e.url(), e.reason(), e.at()));
    // Its own source id: an endpoint disabled, enabled and disabled again is told twice.
    alerts.raiseTo(
        new NewAlert(Ids.next(), TraceParent.NONE, Alert.ENDPOINT_DISABLED, data, e.at()),
        others,
        batch);
    alerts.write(batch);
  }
}
