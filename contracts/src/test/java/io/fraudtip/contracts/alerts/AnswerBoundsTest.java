package io.fraudtip.contracts.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudtip.contracts.alerts.AlertOutcome.Violation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerBoundsTest {
  private static final Instant PAID = Instant.parse("2026-11-20T10:00:00Z");
  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
  private static final AnswerBounds REACHED_20M =
      new AnswerBounds(20_000_000L, PAID, 0, NOW.plusSeconds(120));

  private static OnwardTransferV1 onward(String account, long vnd, Instant at) {
    return new OnwardTransferV1("970422", account, vnd, at);
  }

  @Test
  void aBankCannotHoldMoreThanTheAlertSaysReachedTheAccount() {
    assertThat(AlertOutcome.FROZEN.check(20_000_001, 0, List.of(), REACHED_20M))
        .extracting(Violation::field, Violation::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("frozenAmountVnd", "amount.exceeds-reached"));
    assertThat(AlertOutcome.FROZEN.check(20_000_000, 0, List.of(), REACHED_20M)).isEmpty();
  }

  @Test
  void withoutAnAmountInTheAlertOnlyTheBoundsThatNeedNoneApply() {
    AnswerBounds unknown = new AnswerBounds(null, null, 0, NOW);
    assertThat(AlertOutcome.FROZEN.check(900_000_000, 0, List.of(), unknown)).isEmpty();
    assertThat(
            AlertOutcome.MOVED_ON.check(
                0, 0, List.of(onward("1234", 1, NOW.plusSeconds(3600))), unknown))
        .extracting(Violation::code)
        .containsExactly("time.future");
    assertThat(AlertOutcome.RESTORED.check(0, 1, List.of(), unknown))
        .extracting(Violation::code)
        .containsExactly("amount.exceeds-frozen");
  }

  @Test
  void restoredIsBoundedByWhatTheCurrentAnswerHolds() {
    AnswerBounds held5m = new AnswerBounds(20_000_000L, PAID, 5_000_000, NOW);
    assertThat(AlertOutcome.RESTORED.check(0, 5_000_000, List.of(), held5m)).isEmpty();
    assertThat(AlertOutcome.RESTORED.check(0, 5_000_001, List.of(), held5m))
        .extracting(Violation::field)
        .containsExactly("restoredAmountVnd");
  }

  @Test
  void onwardTransfersAreNotBeforeTheMoneyArrivedNorInTheFutureNorMoreThanMoved() {
    List<OnwardTransferV1> onward =
        List.of(
            onward("0987654321", 10_000_000, PAID.minusSeconds(1)),
            onward("0987654322", 10_000_000, NOW.plusSeconds(121)),
            onward("12", 1, PAID));
    assertThat(AlertOutcome.PARTLY_FROZEN.check(1_000_000, 0, onward, REACHED_20M))
        .extracting(Violation::field, Violation::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("onwardTransfers[0].at", "time.before-transfer-in"),
            org.assertj.core.groups.Tuple.tuple("onwardTransfers[1].at", "time.future"),
            org.assertj.core.groups.Tuple.tuple(
                "onwardTransfers[2].accountNumber", "account.invalid"),
            org.assertj.core.groups.Tuple.tuple("onwardTransfers", "amount.exceeds-moved"));
    // Within the clock skew and exactly what moved (reached less held): accepted.
    assertThat(
            AlertOutcome.PARTLY_FROZEN.check(
                1_000_000,
                0,
                List.of(onward("0987654321", 19_000_000, NOW.plusSeconds(120))),
                REACHED_20M))
        .isEmpty();
  }

  @Test
  void anAnswerSupersedesTheCurrentAnswerOfItsLine() {
    assertThat(AlertOutcome.FROZEN.supersedes(AlertOutcome.FROZEN)).isTrue();
    assertThat(AlertOutcome.MOVED_ON.supersedes(AlertOutcome.PARTLY_FROZEN)).isTrue();
    assertThat(AlertOutcome.RESTORED.supersedes(AlertOutcome.RESTORED)).isTrue();
    // What was returned does not undo what was held: both figures count.
    assertThat(AlertOutcome.RESTORED.supersedes(AlertOutcome.FROZEN)).isFalse();
    assertThat(AlertOutcome.FROZEN.supersedes(AlertOutcome.RESTORED)).isFalse();
  }
}
