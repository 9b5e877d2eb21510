package io.fraudtip.notification.service;

import io.fraudtip.commons.problem.FieldError;
import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.alerts.AnswerBounds;
import io.fraudtip.contracts.alerts.OnwardTransferV1;
import io.fraudtip.contracts.banks.AccountNumbers;
import io.fraudtip.contracts.banks.BankDirectory;
import io.fraudtip.notification.api.AlertAnswer;
import io.fraudtip.notification.config.AnswerConfig;
import io.fraudtip.notification.domain.Alert;
import io.fraudtip.notification.domain.AlertResponse;
import io.fraudtip.notification.webhook.WebhookPayload;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The rules of SPEC §6 and §10 that bean validation cannot state, all answered in one 400: the
 * outcome's own and the bounds of what the alert says reached the account ({@link
 * io.fraudtip.contracts.alerts.AlertOutcome#check}), then what only this service can check, that
 * the onward banks are in the directory.
 */
@ApplicationScoped
class AnswerChecks {
  private final BankDirectory banks;
  private final AnswerConfig config;

  AnswerChecks(BankDirectory banks, AnswerConfig config) {
    this.banks = banks;
    this.config = config;
  }

  /** The answer's onward transfers, their accounts normalised as intake normalises a tip's. */
  static List<OnwardTransferV1> onward(AlertAnswer answer) {
    return Alerts.nullSafe(answer.onwardTransfers()).stream()
        .map(
            t ->
                new OnwardTransferV1(
                    t.bankBin().strip(),
                    AccountNumbers.normalise(t.accountNumber()),
                    t.amountVnd(),
                    t.at()))
        .toList();
  }

  /**
   * Refuses (400, every bad field) an answer that breaks a rule.
   *
   * @param onward its onward transfers, normalised
   * @param currentHold the bank's current answer to the alert on what it did with the money, or
   *     null
   */
  void check(
      Alert alert,
      AlertAnswer answer,
      List<OnwardTransferV1> onward,
      AlertResponse currentHold,
      Instant now) {
    List<FieldError> errors = new ArrayList<>();
    answer
        .outcome()
        .check(
            answer.frozenAmountVnd(),
            answer.restoredAmountVnd(),
            onward,
            bounds(alert, currentHold, now))
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
   * The bounds from the alert's webhook body: the tip's transfers to the account, or else the
   * amount a freeze or hold names (what reached the account as far as the case knows; unknown for
   * other alerts raised from a case event), and what the bank holds now.
   */
  private AnswerBounds bounds(Alert alert, AlertResponse currentHold, Instant now) {
    WebhookPayload.Data data;
    try {
      data = Json.events().readValue(alert.payload, WebhookPayload.class).data();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<WebhookPayload.Transfer> in = data == null ? List.of() : Alerts.nullSafe(data.transfers());
    boolean amountsKnown = !in.isEmpty() && in.stream().allMatch(t -> t.amountVnd() > 0);
    Long reached =
        amountsKnown
            ? Long.valueOf(in.stream().mapToLong(WebhookPayload.Transfer::amountVnd).sum())
            : holdAmount(data);
    Instant first =
        in.stream()
            .map(WebhookPayload.Transfer::at)
            .filter(Objects::nonNull)
            .min(Instant::compareTo)
            .orElse(null);
    long held =
        currentHold != null && currentHold.outcome.holdsMoney() ? currentHold.frozenAmountVnd : 0;
    return new AnswerBounds(reached, first, held, now.plus(config.clockSkew()));
  }

  /**
   * The amount a freeze request or hold alert names, when it names one: an answer to a police order
   * holds no more than the order says reached the account (SPEC §10 "Holds are bounded").
   */
  private static Long holdAmount(WebhookPayload.Data data) {
    return data == null || data.holdAmountVnd() == null || data.holdAmountVnd() <= 0
        ? null
        : data.holdAmountVnd();
  }
}
