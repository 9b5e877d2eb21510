package io.fraudtip.cases.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PriorityTest {
  private static final long LARGE = 100_000_000;
  private static final Duration WINDOW = Duration.ofHours(72);
  private final Instant now = Instant.parse("2026-11-23T12:00:00Z");

  private int priority(long loss, int victims, Instant lastTransfer) {
    return Priority.of(loss, victims, lastTransfer, now, LARGE, WINDOW);
  }

  @Test
  void largeLossesManyVictimsAndRecentTransfersComeFirst() {
    assertThat(priority(600_000_000, 1, now.minusSeconds(600))).isEqualTo(1);
    assertThat(priority(1_000_000, 12, null)).isEqualTo(2);
    assertThat(priority(150_000_000, 1, null)).isEqualTo(3);
    assertThat(priority(1_000_000, 1, now.minus(Duration.ofDays(10)))).isEqualTo(4);
  }

  @Test
  void moneyThatCanStillBeFrozenRaisesThePriority() {
    int old = priority(30_000_000, 2, now.minus(Duration.ofDays(10)));
    int recent = priority(30_000_000, 2, now.minusSeconds(60));
    assertThat(recent).isLessThan(old);
  }
}
