package io.fraudtip.notification.service;

import io.fraudtip.commons.crypto.Hashes;
import io.fraudtip.commons.outbox.Outbox;
import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.commons.time.Timestamps;
import io.fraudtip.contracts.CloudEvents;
import io.fraudtip.contracts.Ids;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.alerts.AlertOutcome;
import io.fraudtip.contracts.alerts.AlertResponseV1;
import io.fraudtip.contracts.alerts.OnwardTransferV1;
import io.fraudtip.notification.api.AlertAnswer;
import io.fraudtip.notification.domain.Alert;
import io.fraudtip.notification.domain.AlertResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Banks read their alerts and answer them; answers go to the cases through alert-responses.v1. */
@ApplicationScoped
public class AlertResponses {
  private final Outbox outbox;
  private final AnswerChecks checks;
  private final CaseStates caseStates;
  private final EntityManager em;

  AlertResponses(Outbox outbox, AnswerChecks checks, CaseStates caseStates, EntityManager em) {
    this.em = em;
    this.outbox = outbox;
    this.checks = checks;
    this.caseStates = caseStates;
  }

  /**
   * Records a bank's answer and publishes it, in one transaction. With an {@code idempotencyKey}, a
   * retry of the same answer gets the first one's id and records nothing; the same key with another
   * answer is refused (422), so that a retry can never change what the bank said. Otherwise the
   * answer supersedes the bank's current answer of its line to the alert ({@link
   * AlertOutcome#supersedes}), so that the same answer sent again counts once (and case-service
   * counts an account once across its alerts). Refused on an alert of a closed case or a retracted
   * account (409), and when it breaks a rule or a bound (400).
   */
  @Transactional
  public UUID answer(
      UUID alertId,
      Optional<String> bankBin,
      String by,
      AlertAnswer answer,
      String idempotencyKey) {
    Alert alert =
        Alert.visibleTo(alertId, bankBin).orElseThrow(() -> ProblemException.notFound("Alert"));
    // One answer at a time per account (the bounds read the answers to all its alerts): what is
    // read below is still current at commit, and two retries racing each other find each other.
    em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
        .setParameter(
            1,
            alert.accountNumber == null
                ? alertId.toString()
                : "answer|" + alert.bankBin + ":" + alert.accountNumber)
        .getSingleResult();
    String hash = Hashes.sha256(Json.write(answer));
    if (idempotencyKey != null) {
      Optional<AlertResponse> earlier = AlertResponse.byKey(alertId, idempotencyKey);
      if (earlier.isPresent()) {
        if (!hash.equals(earlier.get().requestHash)) {
          throw new ProblemException(
              422,
              "idempotency-key-reused",
              "Unprocessable Content",
              "This Idempotency-Key was used for another answer to this alert");
        }
        return earlier.get().id;
      }
    }
    if (alert.accountNumber == null) {
      // A notice about an endpoint: no case would take the answer (it was accepted, then
      // dead-lettered by case-service).
      throw ProblemException.conflict(
          "alert-takes-no-answer",
          "Alert "
              + alertId
              + " is a notice about an endpoint, not an account: it takes no answer");
    }
    caseStates.refuseIfClosed(alert, answer.outcome());
    Instant now = Timestamps.now();
    // One current answer per alert (SPEC §10); what the account holds is told on any of its
    // alerts (the advisory, the freeze order), so a restitution is bounded by the most held on it.
    List<AlertResponse> current = AlertResponse.current(alertId);
    AlertResponse currentHold =
        AlertResponse.currentOfAccount(alert.bankBin, alert.accountNumber).stream()
            .filter(r -> r.outcome.holdsMoney())
            .max(java.util.Comparator.comparingLong(r -> r.frozenAmountVnd))
            .orElse(null);
    List<OnwardTransferV1> onward = AnswerChecks.onward(answer);
    checks.check(alert, answer, onward, currentHold, now);

    UUID id = Ids.next();
    for (AlertResponse r : current) {
      if (answer.outcome().supersedes(r.outcome)) {
        r.supersede(id, now);
      }
    }
    em.flush(); // the superseded row leaves the one-current-per-line index before the new one
    // enters
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
    response.idempotencyKey = idempotencyKey;
    response.requestHash = hash;
    response.payload = Json.write(event);
    response.persist();
    outbox.publish(
        Topics.ALERT_RESPONSES_V1, alert.id.toString(), CloudEvents.TYPE_ALERT_RESPONSE, id, event);
    return id;
  }
}
