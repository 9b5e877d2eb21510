package io.fraudtip.notification.service;

import io.fraudtip.commons.problem.FieldError;
import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.commons.time.Timestamps;
import io.fraudtip.contracts.alerts.AnswerBounds;
import io.fraudtip.contracts.alerts.OnwardTransferV1;
import io.fraudtip.contracts.banks.AccountNumbers;
import io.fraudtip.contracts.banks.BankDirectory;
import io.fraudtip.notification.api.AlertAnswer;
import io.fraudtip.notification.config.AnswerConfig;
import io.fraudtip.notification.domain.Alert;
import io.fraudtip.notification.domain.AlertResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
  private final EntityManager em;

  AnswerChecks(BankDirectory banks, AnswerConfig config, EntityManager em) {
    this.banks = banks;
    this.config = config;
    this.em = em;
  }

  /**
   * What the account's alerts say reached it, in one statement: the tips' transfers to it and what
   * banks' answers traced to it (their sum, and whether every one gave its amount; the earliest),
   * and the largest amount a freeze order or hold on it names. A traced alert from before traces
   * carried their amount has no transfers: it bounds nothing, as before.
   */
  private static final String REACHED =
      "WITH a AS (SELECT event_type, CAST(payload AS jsonb) -> 'data' AS data FROM alert"
          + " WHERE bank_bin = ?1 AND account_number = ?2 AND event_type IN"
          + " ('account.reported', 'account.traced', 'freeze.requested', 'hold.extended')),"
          + " t AS (SELECT x FROM a, jsonb_array_elements(coalesce(a.data -> 'transfers',"
          + " CAST('[]' AS jsonb))) AS x"
          + " WHERE a.event_type IN ('account.reported', 'account.traced'))"
          + " SELECT (SELECT bool_and(coalesce(CAST(x ->> 'amountVnd' AS bigint), 0) > 0) FROM t),"
          + " (SELECT sum(CAST(x ->> 'amountVnd' AS bigint)) FROM t),"
          + " (SELECT min(CAST(x ->> 'at' AS timestamptz)) FROM t),"
          + " (SELECT max(CAST(data ->> 'holdAmountVnd' AS bigint)) FROM a"
          + " WHERE event_type IN ('freeze.requested', 'hold.extended'))";

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
      OnwardTransferV1 t = onward.get(i);
      if (!banks.exists(t.bankBin())) {
        errors.add(
            new FieldError(
                "onwardTransfers[" + i + "].bankBin",
                "bank.unknown",
                "No bank with this BIN in the directory"));
      } else if (t.bankBin().equals(alert.bankBin)
          && t.accountNumber().equals(alert.accountNumber)) {
        // Money that stayed is held or not, never traced: it would alert the bank of its own
        // account as the next layer.
        errors.add(
            new FieldError(
                "onwardTransfers[" + i + "].accountNumber",
                "account.same",
                "The account this alert is about: money that stayed in it did not move on"));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
  }

  /**
   * The bounds of an answer about the account, from all its alerts (an answer says what the bank
   * did with the account's money, whichever alert it answers): what the tips' transfers to it add
   * up to when every one gave its amount, or else the largest amount a freeze order or hold on it
   * names (unknown when neither is); the earliest transfer into it; and what the bank holds now.
   */
  private AnswerBounds bounds(Alert alert, AlertResponse currentHold, Instant now) {
    Object[] row =
        (Object[])
            em.createNativeQuery(REACHED)
                .setParameter(1, alert.bankBin)
                .setParameter(2, alert.accountNumber)
                .getSingleResult();
    boolean amountsKnown = Boolean.TRUE.equals(row[0]);
    long transferred = row[1] == null ? 0 : ((Number) row[1]).longValue();
    Long holdAmount = row[3] == null ? null : ((Number) row[3]).longValue();
    Long reached;
    if (amountsKnown && transferred > 0) {
      reached = holdAmount == null ? transferred : Math.max(transferred, holdAmount);
    } else {
      reached = holdAmount == null || holdAmount <= 0 ? null : holdAmount;
    }
    Instant first = Timestamps.fromColumn(row[2]);
    long held =
        currentHold != null && currentHold.outcome.holdsMoney() ? currentHold.frozenAmountVnd : 0;
    return new AnswerBounds(reached, first, held, now.plus(config.clockSkew()));
  }
}
