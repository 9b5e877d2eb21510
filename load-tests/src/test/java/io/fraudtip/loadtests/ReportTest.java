package io.fraudtip.loadtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudtip.localstack.stack.Service;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's arithmetic and table, on made-up steps (no stack, no load). */
class ReportTest {
  @Test
  void aStepThatKeepsUpIsTheSustainedFigureAndAStepThatFallsBehindIsNot() {
    Step slow = answered(new Step("intake", 1000, 1), 300, 1_000);
    Step fine = answered(new Step("intake", 500, 1), 500, 2_000);
    assertThat(fine.keptUp()).isTrue();
    assertThat(slow.keptUp()).isFalse();
    assertThat(Report.sustained(List.of(fine, slow))).isEqualTo(fine.throughput());
    assertThat(Report.atRate(List.of(fine, slow), 2000)).isSameAs(slow);
    assertThat(Report.atRate(List.of(fine, slow), 500)).isSameAs(fine);
  }

  @Test
  void theTableHasEverySpecFigureBesideItsCeilingAndTheRatio() {
    Map<String, List<Step>> ladders = new LinkedHashMap<>();
    ladders.put("trivial", List.of(answered(new Step("trivial", 2000, 1), 2000, 1_000)));
    ladders.put(
        "watchlist single", List.of(answered(new Step("watchlist single", 500, 1), 500, 3_000)));
    ladders.put(
        "watchlist batch 1000",
        List.of(answered(new Step("watchlist batch 1000", 10, 1), 10, 20_000)));
    ladders.put(
        "tip to webhook", List.of(answered(new Step("tip to webhook", 200, 1), 200, 9_000)));
    ladders.put("intake", List.of(answered(new Step("intake", 2000, 1), 1000, 50_000)));
    Latencies webhook = new Latencies();
    webhook.add(40_000);
    webhook.add(120_000);
    Map<Service, Double> idle = new EnumMap<>(Service.class);
    Map<Service, Double> max = new EnumMap<>(Service.class);
    for (Service s : Service.values()) {
      idle.put(s, 150.0);
      max.put(s, 240.0);
    }
    Report report =
        new Report(
            Instant.now(),
            "1 1 1",
            "2 2 2",
            1,
            1.0,
            ladders,
            Map.of(
                "postgresInsert", Map.of("insertsPerSecond", 4000.0),
                "kafkaRoundTripPost", Map.of("p50Ms", 4.0, "p99Ms", 20.0)),
            webhook,
            2,
            2,
            idle,
            max);

    String md = report.markdown();

    assertThat(md)
        .contains("| tip intake, sustained (tips/s) | ≥ 2,000 |")
        .contains("| tip → webhook p50 at 200 tips/s (ms) | ≤ 50 | 40.0 |")
        .contains("bare Kafka round trip + HTTP POST p50 (ms) | 4.0 | 10.00 |")
        .contains("| watchlist batch of 1,000 p99 at 10/s (ms) | ≤ 50 |")
        .contains("| case-service RSS, most under load (MB) | ≤ 300 | 240 |")
        .contains("same process idle after start (MB) | 150 | 1.60 |")
        .contains("| intake 2000/s | 2000 |");
    assertThat(report.json()).contains("\"tipToWebhook\"").contains("\"intake 2000/s\"");
  }

  /** Sends {@code count} requests answered in {@code micros} each, spread over about a second. */
  private static Step answered(Step step, int count, long micros) {
    for (int i = 0; i < count; i++) {
      step.sent();
    }
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (int i = 0; i < count; i++) {
      step.answered(true, micros);
    }
    return step;
  }
}
