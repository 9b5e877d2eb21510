package io.fraudtip.cases.core;

import java.time.Duration;
import java.time.Instant;

/**
 * A case's priority, 1 (most urgent) to 4: large losses, many victims and recent transfers (money
 * that can still be frozen) come first.
 */
public final class Priority {
  public static final int HIGHEST = 1;
  public static final int LOWEST = 4;

  private Priority() {}

  /**
   * @param largeLossVnd the loss that counts as large
   * @param freezeWindow how long after a transfer money can still be frozen
   */
  public static int of(
      long totalLossVnd,
      int victims,
      Instant latestTransferAt,
      Instant now,
      long largeLossVnd,
      Duration freezeWindow) {
    int score = 0;
    if (totalLossVnd >= largeLossVnd * 5) {
      score += 3;
    } else if (totalLossVnd >= largeLossVnd) {
      score += 2;
    } else if (totalLossVnd >= largeLossVnd / 5) {
      score += 1;
    }
    if (victims >= 10) {
      score += 3;
    } else if (victims >= 5) {
      score += 2;
    } else if (victims >= 2) {
      score += 1;
    }
    if (latestTransferAt != null) {
      Duration age = Duration.between(latestTransferAt, now);
      if (age.compareTo(freezeWindow.dividedBy(3)) <= 0) {
        score += 2;
      } else if (age.compareTo(freezeWindow) <= 0) {
        score += 1;
      }
    }
    if (score >= 5) {
      return 1;
    }
    if (score >= 3) {
      return 2;
    }
    return score >= 1 ? 3 : LOWEST;
  }
}
