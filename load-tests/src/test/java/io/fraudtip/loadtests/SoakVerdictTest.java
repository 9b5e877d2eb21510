package io.fraudtip.loadtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudtip.localstack.stack.Service;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class SoakVerdictTest {
  @Test
  void flatFiguresWithNoiseAreBounded() {
    SoakVerdict v = SoakVerdict.of(samples(30, m -> 200 + (m % 3) * 4, m -> 10), 50);

    assertThat(v.judged()).isTrue();
    assertThat(v.bounded()).isTrue();
  }

  @Test
  void rssRisingEveryMinuteIsGrowthWithoutBound() {
    SoakVerdict v = SoakVerdict.of(samples(30, m -> 200 + m * 3, m -> 10), 50);

    assertThat(v.bounded()).isFalse();
    assertThat(v.trends())
        .filteredOn(t -> !t.bounded())
        .extracting(SoakVerdict.Trend::figure)
        .containsExactlyInAnyOrder(
            "intake-service RSS (MB)", "case-service RSS (MB)", "notification-service RSS (MB)");
  }

  @Test
  void aBurstThatComesBackDownIsNotGrowth() {
    SoakVerdict v = SoakVerdict.of(samples(30, m -> 200, m -> m > 20 && m < 27 ? 5_000 : 10), 50);

    assertThat(v.bounded()).isTrue();
  }

  @Test
  void aConsumerFallingBehindIsGrowthAndNamed() {
    SoakVerdict v = SoakVerdict.of(samples(30, m -> 200, m -> m * 200), 50);

    assertThat(v.trends())
        .filteredOn(t -> !t.bounded())
        .extracting(SoakVerdict.Trend::figure)
        .containsExactly("consumer lag (records)", "consumer lag, notification-service ← cases.v1");
  }

  @Test
  void aShortRunIsNotJudged() {
    SoakVerdict v = SoakVerdict.of(samples(5, m -> 200 + m * 50, m -> 10), 50);

    assertThat(v.judged()).isFalse();
    assertThat(v.bounded()).isTrue();
  }

  @Test
  void theHeapInUseIsReadFromJcmd() {
    String serial =
        """
         def new generation   total 9792K, used 2048K [0x00000000f8000000, 0x00000000f8aa0000)
          eden space 8704K,  23% used [0x00000000f8000000, 0x00000000f8200000)
          from space 1088K,   0% used [0x00000000f8880000, 0x00000000f8880000)
         tenured generation   total 21888K, used 8192K [0x00000000fd550000, 0x00000000feab0000)
         Metaspace       used 52000K, committed 52800K, reserved 1114112K
          class space    used 6500K, committed 6848K, reserved 1048576K
        """;

    assertThat(SoakSample.heapUsedMb(serial)).isEqualTo(10.0);
    assertThat(SoakSample.heapUsedMb("no such process")).isNaN();
  }

  private static List<SoakSample> samples(int n, IntToDoubleFunction rss, IntToDoubleFunction lag) {
    List<SoakSample> samples = new ArrayList<>();
    for (int m = 1; m <= n; m++) {
      Map<Service, SoakSample.Process> processes = new EnumMap<>(Service.class);
      Map<Service, Long> outbox = new EnumMap<>(Service.class);
      for (Service s : Service.values()) {
        processes.put(s, new SoakSample.Process(rss.applyAsDouble(m), 40, 120, 60));
        outbox.put(s, 0L);
      }
      samples.add(
          new SoakSample(
              m,
              50,
              0,
              3000,
              80,
              processes,
              outbox,
              new TreeMap<>(
                  Map.of(
                      "case-service ← tips.v1",
                      0L,
                      "notification-service ← cases.v1",
                      (long) lag.applyAsDouble(m))),
              Map.of("machine busy", 60.0)));
    }
    return samples;
  }
}
