package io.fraudtip.commons.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class LostRacesTest {
  @Test
  void aDeadlockIsALostRace() {
    var deadlock = new RuntimeException(new SQLException("deadlock detected", "40P01"));

    assertThat(LostRaces.isLostRace(deadlock)).isTrue();
    assertThat(LostRaces.isLockRace(deadlock)).isTrue();
  }

  /**
   * A pool that has no connection in time throws an SQLException without a state: no race, and no
   * failure of the check itself (it threw a NullPointerException, which took the place of the
   * outage and sent a consumer's good record to the dead-letter topic).
   */
  @Test
  void anSqlExceptionWithoutStateIsNoRace() {
    var noConnection =
        new RuntimeException(
            new SQLException("Acquisition timeout while waiting for new connection"));

    assertThat(LostRaces.isLostRace(noConnection)).isFalse();
    assertThat(LostRaces.isLockRace(noConnection)).isFalse();
  }
}
