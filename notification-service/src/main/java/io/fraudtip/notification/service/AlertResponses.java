package io.fraudtip.notification.service;

import io.fraudtip.commons.outbox.Outbox;
import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.contracts.CloudEvents;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.alerts.AlertResponseV1;
import io.fraudtip.contracts.alerts.OnwardTransferV1;
import io.fraudtip.notification.domain.Alert;
import io.fraudtip.notification.domain.AlertResponse;
import io.fraudtip.notification.rest.AlertAnswer;
import io.fraudtip.notification.rest.AlertView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Banks read their alerts and answer them; answers go to the cases through alert-responses.v1. */
@ApplicationScoped
public class AlertResponses {
  private final Outbox outbox;

  AlertResponses(Outbox outbox) {
    this.outbox = outbox;
  }

  /** The alerts of one bank, or of all banks when {@code bankBin} is empty (operators). */
  @Transactional
  public List<AlertView> alerts(Optional<String> bankBin) {
    List<Alert> alerts =
        bankBin
            .map(bin -> Alert.<Alert>list("bankBin = ?1 order by createdAt desc", bin))
            .orElseGet(() -> Alert.list("order by createdAt desc"));
    return alerts.stream()
        .map(
            a ->
                new AlertView(
                    a.id,
                    a.eventType,
                    a.bankBin,
                    a.accountNumber,
                    a.layer,
                    a.tipId,
                    a.caseId,
                    a.createdAt))
        .toList();
  }

  /** Records a bank's answer and publishes it, in one transaction. */
  @Transactional
  public UUID answer(UUID alertId, Optional<String> bankBin, String by, AlertAnswer answer) {
    Alert alert =
        Alert.visibleTo(alertId, bankBin).orElseThrow(() -> ProblemException.notFound("Alert"));
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    UUID id = UUID.randomUUID();
    List<OnwardTransferV1> onward =
        answer.onwardTransfers() == null
            ? List.of()
            : answer.onwardTransfers().stream()
                .map(
                    t ->
                        new OnwardTransferV1(t.bankBin(), t.accountNumber(), t.amountVnd(), t.at()))
                .toList();
    AlertResponseV1 event =
        new AlertResponseV1(
            id,
            alert.id,
            alert.caseId,
            alert.tipId,
            alert.bankBin,
            alert.accountNumber,
            alert.layer,
            answer.outcome(),
            answer.frozenAmountVnd(),
            answer.restoredAmountVnd(),
            onward,
            answer.note(),
            now);
    AlertResponse response = new AlertResponse();
    response.id = id;
    response.alertId = alert.id;
    response.outcome = answer.outcome();
    response.frozenAmountVnd = answer.frozenAmountVnd();
    response.restoredAmountVnd = answer.restoredAmountVnd();
    response.respondedBy = by;
    response.respondedAt = now;
    response.payload = Json.write(event);
    response.persist();
    outbox.publish(
        Topics.ALERT_RESPONSES_V1, alert.id.toString(), CloudEvents.TYPE_ALERT_RESPONSE, id, event);
    return id;
  }
}
