package io.fraudtip.contracts.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudtip.contracts.alerts.AlertOutcome.Onward;
import io.fraudtip.contracts.alerts.AlertOutcome.Violation;
import org.junit.jupiter.api.Test;

class AlertOutcomeTest {
  @Test
  void aFreezeMustSayHowMuchIsHeldAndMayNameWhereTheRestWentOnlyWhenPartial() {
    assertThat(AlertOutcome.FROZEN.check(0, 0, 0))
        .extracting(Violation::code)
        .containsExactly("amount.required");
    assertThat(AlertOutcome.FROZEN.check(1_000, 0, 1))
        .extracting(Violation::field, Violation::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "onwardTransfers", "Onward transfers go with MOVED_ON or PARTLY_FROZEN"));
    assertThat(AlertOutcome.PARTLY_FROZEN.check(1_000, 0, 2)).isEmpty();
  }

  @Test
  void moneyMovedOnMustSayWhereAndRestoredMoneyHowMuch() {
    assertThat(AlertOutcome.MOVED_ON.check(0, 0, 0))
        .extracting(Violation::code)
        .containsExactly("transfers.required");
    assertThat(AlertOutcome.RESTORED.check(0, 0, 0))
        .extracting(Violation::field)
        .containsExactly("restoredAmountVnd");
    assertThat(AlertOutcome.NO_FUNDS.check(0, 0, 0)).isEmpty();
  }

  @Test
  void anAmountGoesOnlyWithTheOutcomesThatCountIt() {
    assertThat(AlertOutcome.NO_FUNDS.check(30_000_000, 0, 0))
        .extracting(Violation::field, Violation::code, Violation::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "frozenAmountVnd",
                "amount.unexpected",
                "An amount frozen goes with FROZEN or PARTLY_FROZEN"));
    assertThat(AlertOutcome.MOVED_ON.check(0, 5_000_000, 1))
        .extracting(Violation::field, Violation::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "restoredAmountVnd", "An amount restored goes with RESTORED"));
    // Held and restored are two lines: a return names what it returned, not what stays held.
    assertThat(AlertOutcome.RESTORED.check(10_000_000, 5_000_000, 0))
        .extracting(Violation::field)
        .containsExactly("frozenAmountVnd");
  }

  @Test
  void everyOutcomeThatMayNameOnwardAccountsHasThemFollowed() {
    // PARTLY_FROZEN with onward transfers was once accepted by one service and dropped by the
    // other.
    assertThat(AlertOutcome.PARTLY_FROZEN.onwardTransfers()).isEqualTo(Onward.ALLOWED);
    assertThat(AlertOutcome.MOVED_ON.onwardTransfers()).isEqualTo(Onward.REQUIRED);
    assertThat(AlertOutcome.PARTLY_FROZEN.holdsMoney()).isTrue();
    assertThat(AlertOutcome.MOVED_ON.holdsMoney()).isFalse();
    assertThat(AlertOutcome.RESTORED.restoresMoney()).isTrue();
  }
}
