package io.fraudtip.intake.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A batch's first tip waits for company only when tips have been coming close together. */
class CompanyWaitTest {
  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long MAX_WAIT = 5 * MS;

  @Test
  void aTipSoonAfterAnotherWaitsAndOneAfterAQuietSpellIsWrittenAtOnce() {
    CompanyWait wait = new CompanyWait(MAX_WAIT, 10 * MS, 0);

    assertThat(wait.forFirstTip(4 * MS)).isEqualTo(MAX_WAIT);
    assertThat(wait.forFirstTip(14 * MS)).isEqualTo(MAX_WAIT); // exactly alone-after: still waits
    assertThat(wait.forFirstTip(25 * MS)).isZero();
    assertThat(wait.forFirstTip(1_000 * MS)).isZero();
    assertThat(wait.forFirstTip(1_003 * MS)).isEqualTo(MAX_WAIT);
  }

  @Test
  void theGapCountsFromTheLastTipOfTheBatchBefore() {
    CompanyWait wait = new CompanyWait(MAX_WAIT, 10 * MS, 0);

    assertThat(wait.forFirstTip(100 * MS)).isZero();
    // The batch went on taking tips until 120 ms: the next one, 8 ms later, has company around.
    wait.tookTip(120 * MS);
    assertThat(wait.forFirstTip(128 * MS)).isEqualTo(MAX_WAIT);
  }

  @Test
  void theFirstTipAfterStartCountsFromTheStart() {
    assertThat(new CompanyWait(MAX_WAIT, 10 * MS, 50 * MS).forFirstTip(55 * MS))
        .isEqualTo(MAX_WAIT);
    assertThat(new CompanyWait(MAX_WAIT, 10 * MS, 50 * MS).forFirstTip(61 * MS)).isZero();
  }
}
