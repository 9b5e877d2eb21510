package io.fraudtip.notification.service;

import io.fraudtip.commons.crypto.Hashes;
import io.fraudtip.commons.outbox.Outbox;
import io.fraudtip.commons.problem.FieldError;
import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.commons.time.Timestamps;
import io.fraudtip.contracts.CloudEvents;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.alerts.AlertOutcome;
import io.fraudtip.contracts.alerts.AlertResponseV1;
import io.fraudtip.contracts.alerts.OnwardTransferV1;
import io.fraudtip.contracts.banks.BankDirectory;
import io.fraudtip.notification.api.AlertAnswer;
import io.fraudtip.notification.api.AlertView;
import io.fraudtip.notification.domain.Alert;
import io.fraudtip.notification.domain.AlertResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Banks read their alerts and answer them; answers go to the cases through alert-responses.v1. */
@ApplicationScoped
public class AlertResponses {
  private final Outbox outbox;
  private final BankDirectory banks;
  private final EntityManager em;

  AlertResponses(Outbox outbox, BankDirectory banks, EntityManager em) {
    this.em = em;
    this.outbox = outbox;
    this.banks = banks;
  }

  /** The newest alerts of one bank, or of all banks when {@code bankBin} is empty (operators). */
  @Transactional
  public List<AlertView> alerts(Optional<String> bankBin, int limit) {
    List<Alert> alerts =
        bankBin
            .map(bin -> Alert.<Alert>find("bankBin = ?1 order by createdAt desc", bin))
            .orElseGet(() -> Alert.find("order by createdAt desc"))
            .page(0, limit)
            .list();
    return alerts.stream().map(AlertResponses::view).toList();
  }

  /** One alert, if the caller's bank may see it. */
  @Transactional
  public AlertView alert(UUID id, Optional<String> bankBin) {
    return view(Alert.visibleTo(id, bankBin).orElseThrow(() -> ProblemException.notFound("Alert")));
  }

  private static AlertView view(Alert a) {
    return new AlertView(
        a.id,
        a.eventType,
        a.bankBin,
        a.accountNumber,
        a.layer,
        a.tipId,
        a.caseId,
        a.createdAt,
        a.sequence,
        a.advisory);
  }

  /**
   * The rules of SPEC §6 that bean validation cannot state: first the outcome's own ({@link
   * AlertOutcome#check}: amounts and onward transfers), then what only this service can check, that
   * the onward banks are in the directory.
   */
  void check(AlertAnswer answer) {
    List<AlertAnswer.OnwardTransfer> onward =
        answer.onwardTransfers() == null ? List.of() : answer.onwardTransfers();
    List<FieldError> errors = new ArrayList<>();
    answer
        .outcome()
        .check(answer.frozenAmountVnd(), answer.restoredAmountVnd(), onward.size())
        .forEach(v -> errors.add(new FieldError(v.field(), v.code(), v.message())));
    for (int i = 0; i < onward.size(); i++) {
      if (!banks.exists(onward.get(i).bankBin())) {
        errors.add(
            new FieldError(
                "onwardTransfers[" + i + "].bankBin",
                "bank.unknown",
                "No bank with this BIN in the directory"));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
  }

  /**
   * Records a bank's answer and publishes it, in one transaction. With an {@code idempotencyKey}, a
   * retry of the same answer gets the first one's id and records nothing; the same key with another
   * answer is refused (422), so that a retry can never change what the bank said.
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
    check(answer);
    String hash = idempotencyKey == null ? null : Hashes.sha256(Json.write(answer));
    if (idempotencyKey != null) {
      // Two retries racing each other: the second waits for the first's commit, then finds it.
      em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
          .setParameter(1, alertId + "|" + idempotencyKey)
          .getSingleResult();
      Optional<AlertResponse> earlier = AlertResponse.byKey(alertId, idempotencyKey);
      if (earlier.isPresent()) {
        if (!earlier.get().requestHash.equals(hash)) {
          throw new ProblemException(
              422,
              "idempotency-key-reused",
              "Unprocessable Content",
              "This Idempotency-Key was used for another answer to this alert");
        }
        return earlier.get().id;
      }
    }
    Instant now = Timestamps.now();
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
    response.idempotencyKey = idempotencyKey;
    response.requestHash = hash;
    response.payload = Json.write(event);
    response.persist();
    outbox.publish(
        Topics.ALERT_RESPONSES_V1, alert.id.toString(), CloudEvents.TYPE_ALERT_RESPONSE, id, event);
    return id;
  }
}
