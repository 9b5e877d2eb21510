package io.fraudtip.contracts.alerts;

import io.fraudtip.contracts.alerts.AlertOutcome.Onward;
import io.fraudtip.contracts.alerts.AlertOutcome.Violation;
import io.fraudtip.contracts.banks.AccountNumbers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a bank's answer to an alert is bounded by (SPEC §10): a bank cannot hold more than reached
 * the account, return more than it holds, nor send on money that never moved or before it arrived.
 * A freeze request or a hold names the amount to hold, what reached the account as far as the case
 * knows; other alerts raised from a case event (a traced account) give no amounts: then only the
 * bounds that need none apply (restored, onward times not in the future, onward accounts).
 *
 * @param reachedVnd what the alert says reached the account (the sum of the tip's transfers to it,
 *     or the amount a freeze or hold names), or null when the alert gives no amount
 * @param firstTransferAt the earliest of those transfers, or null when none has a time
 * @param heldVnd what the bank's current answer to the alert holds (0 when it holds nothing): the
 *     ceiling of a RESTORED answer
 * @param latestAt the latest time an onward transfer may carry: now plus the allowed clock skew
 */
public record AnswerBounds(
    Long reachedVnd, Instant firstTransferAt, long heldVnd, Instant latestAt) {

  /** The bounds an answer with this outcome and these figures breaks (empty when none). */
  public List<Violation> check(
      AlertOutcome outcome, long frozenVnd, long restoredVnd, List<OnwardTransferV1> onward) {
    List<Violation> broken = new ArrayList<>();
    long held = outcome.holdsMoney() ? frozenVnd : 0;
    if (reachedVnd != null && held > reachedVnd) {
      broken.add(
          new Violation(
              "frozenAmountVnd",
              "amount.exceeds-reached",
              "Frozen more than the " + reachedVnd + " VND the alert says reached the account"));
    }
    if (outcome.restoresMoney() && restoredVnd > heldVnd) {
      broken.add(
          new Violation(
              "restoredAmountVnd",
              "amount.exceeds-frozen",
              "Restored more than the "
                  + heldVnd
                  + " VND held by the bank's current answer to this alert"));
    }
    if (outcome.onwardTransfers() == Onward.NONE) {
      return broken; // already refused as unexpected, if any
    }
    long sent = 0;
    for (int i = 0; i < onward.size(); i++) {
      OnwardTransferV1 t = onward.get(i);
      String at = "onwardTransfers[" + i + "]";
      sent += t.amountVnd();
      if (!AccountNumbers.valid(t.accountNumber())) {
        broken.add(
            new Violation(
                at + ".accountNumber",
                "account.invalid",
                "Expected 4 to 30 digits and letters (spaces, dots and dashes are dropped)"));
      }
      if (t.at() != null && firstTransferAt != null && t.at().isBefore(firstTransferAt)) {
        broken.add(
            new Violation(
                at + ".at",
                "time.before-transfer-in",
                "Before the money reached the account, at " + firstTransferAt));
      } else if (t.at() != null && t.at().isAfter(latestAt)) {
        broken.add(new Violation(at + ".at", "time.future", "In the future"));
      }
    }
    if (reachedVnd != null && sent > Math.max(0, reachedVnd - held)) {
      broken.add(
          new Violation(
              "onwardTransfers",
              "amount.exceeds-moved",
              "The onward transfers add up to "
                  + sent
                  + " VND, more than the "
                  + Math.max(0, reachedVnd - held)
                  + " VND that moved on (reached less held)"));
    }
    return broken;
  }
}
