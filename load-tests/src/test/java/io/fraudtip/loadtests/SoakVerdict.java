package io.fraudtip.loadtests;

import io.fraudtip.localstack.stack.Service;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Whether a soak run's figures stayed bounded. After a warm-up (the first fifth of the run, at
 * least two minutes) the samples are cut in two halves; a figure grows without bound when the
 * second half's mean exceeds the first's by more than its tolerance and the last sample is above
 * every sample of the first half (still rising at the end, not one burst). Runs with fewer than six
 * minutes after the warm-up are too short to judge and pass.
 */
record SoakVerdict(List<Trend> trends, boolean judged) {

  /**
   * One figure's trend: means of the two halves, the first half's largest sample, the last sample,
   * and how much growth is tolerated.
   */
  record Trend(
      String figure,
      double firstHalf,
      double secondHalf,
      double firstHalfMax,
      double last,
      double tolerance) {
    double growth() {
      return secondHalf - firstHalf;
    }

    boolean bounded() {
      return Double.isNaN(growth()) || growth() <= tolerance || last <= firstHalfMax;
    }
  }

  boolean bounded() {
    return trends.stream().allMatch(Trend::bounded);
  }

  static SoakVerdict of(List<SoakSample> samples, int rate) {
    int warmUp = Math.max(2, samples.size() / 5);
    List<SoakSample> judged = samples.subList(Math.min(warmUp, samples.size()), samples.size());
    List<Trend> trends = new ArrayList<>();
    if (judged.size() < 6) {
      return new SoakVerdict(trends, false);
    }
    for (Service s : Service.values()) {
      String name = s.module();
      trends.add(trend(name + " RSS (MB)", judged, x -> x.processes().get(s).rssMb(), 16, 0.10));
      trends.add(
          trend(
              name + " heap after GC (MB)",
              judged,
              x -> x.processes().get(s).heapAfterGcMb(),
              8,
              0.10));
      trends.add(
          trend(name + " open files", judged, x -> x.processes().get(s).openFiles(), 16, 0.10));
      trends.add(trend(name + " threads", judged, x -> x.processes().get(s).threads(), 8, 0.10));
    }
    trends.add(
        trend(
            "outbox rows unpublished",
            judged,
            x -> x.outbox().values().stream().mapToLong(Long::longValue).sum(),
            rate * 5.0,
            0));
    trends.add(trend("consumer lag (records)", judged, SoakSample::consumerLag, rate * 10.0, 0));
    // By group and topic too, so that a growing backlog names the consumer that falls behind.
    judged.stream()
        .flatMap(x -> x.lag().keySet().stream())
        .distinct()
        .sorted()
        .forEach(
            g ->
                trends.add(
                    trend(
                        "consumer lag, " + g,
                        judged,
                        x -> x.lag().getOrDefault(g, 0L),
                        rate * 10.0,
                        0)));
    return new SoakVerdict(trends, true);
  }

  private static Trend trend(
      String figure,
      List<SoakSample> samples,
      ToDoubleFunction<SoakSample> value,
      double absolute,
      double relative) {
    int half = samples.size() / 2;
    double[] first = samples.subList(0, half).stream().mapToDouble(value).toArray();
    double[] second = samples.subList(half, samples.size()).stream().mapToDouble(value).toArray();
    double last = value.applyAsDouble(samples.get(samples.size() - 1));
    return new Trend(
        figure,
        mean(first),
        mean(second),
        Arrays.stream(first).max().orElse(Double.NaN),
        last,
        Math.max(absolute, relative * mean(first)));
  }

  private static double mean(double[] values) {
    return Arrays.stream(values).average().orElse(Double.NaN);
  }
}
