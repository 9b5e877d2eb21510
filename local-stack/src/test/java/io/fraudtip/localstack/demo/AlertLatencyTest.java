package io.fraudtip.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AlertLatencyTest {
  @Test
  void percentilesAreNearestRankOverTheSortedLatencies() {
    List<Duration> sorted = IntStream.rangeClosed(1, 100).mapToObj(Duration::ofMillis).toList();
    AlertLatency.Result r = new AlertLatency.Result(sorted, Duration.ofSeconds(5));
    assertThat(r.median()).isEqualTo(Duration.ofMillis(50));
    assertThat(r.percentile(90)).isEqualTo(Duration.ofMillis(90));
    assertThat(r.max()).isEqualTo(Duration.ofMillis(100));
    assertThat(r.summary())
        .isEqualTo("100 tips: tip accepted → bank alert median 50 ms, p90 90 ms, max 100 ms");
  }

  @Test
  void aSingleLatencyIsEveryPercentile() {
    AlertLatency.Result r = new AlertLatency.Result(List.of(Duration.ofMillis(7)), Duration.ZERO);
    assertThat(r.median()).isEqualTo(r.max()).isEqualTo(Duration.ofMillis(7));
  }
}
