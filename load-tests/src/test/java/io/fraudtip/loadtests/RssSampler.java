package io.fraudtip.loadtests;

import io.fraudtip.localstack.stack.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Samples each service process's resident set size (VmRSS in /proc) twice a second. */
final class RssSampler implements AutoCloseable {
  private final BenchStack stack;
  private final Map<Service, Long> idleKb = new EnumMap<>(Service.class);
  private final Map<Service, Long> maxKb = new EnumMap<>(Service.class);
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "rss-sampler");
            t.setDaemon(true);
            return t;
          });

  RssSampler(BenchStack stack) {
    this.stack = stack;
    for (Service s : Service.values()) {
      idleKb.put(s, rssKb(stack.pid(s)));
    }
    timer.scheduleAtFixedRate(this::sample, 0, 500, TimeUnit.MILLISECONDS);
  }

  private synchronized void sample() {
    for (Service s : Service.values()) {
      maxKb.merge(s, rssKb(stack.pid(s)), Math::max);
    }
  }

  static long rssKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process is gone or /proc is not there: no sample
    }
    return 0;
  }

  /** Idle RSS of every service right after start, in MB. */
  synchronized Map<Service, Double> idle() {
    return mb(idleKb);
  }

  /** Largest RSS of every service, in MB. */
  synchronized Map<Service, Double> max() {
    return mb(maxKb);
  }

  private static Map<Service, Double> mb(Map<Service, Long> kb) {
    Map<Service, Double> mb = new EnumMap<>(Service.class);
    kb.forEach((s, v) -> mb.put(s, v / 1024.0));
    return mb;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
