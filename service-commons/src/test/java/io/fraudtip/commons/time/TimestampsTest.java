package io.fraudtip.commons.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {
  @Test
  void anInstantKeepsWhatPostgresqlKeepsMicrosecondsAndNoMore() {
    assertThat(Timestamps.micros(Instant.parse("2026-11-23T01:00:00.123456789Z")))
        .isEqualTo(Instant.parse("2026-11-23T01:00:00.123456Z"));
    assertThat(Timestamps.now().getNano() % 1_000).isZero();
  }
}
