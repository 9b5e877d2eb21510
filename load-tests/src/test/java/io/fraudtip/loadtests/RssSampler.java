package io.fraudtip.loadtests;

import io.fraudtip.localstack.stack.LocalStack;
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
  private final LocalStack stack;
  private final Map<Service, Long> idleKb = new EnumMap<>(Service.class);
  private final Map<Service, Long> maxKb = new EnumMap<>(Service.class);
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "rss-sampler");
            t.setDaemon(true);
            return t;
          });

  RssSampler(LocalStack stack) {
    this.stack = stack;
    for (Service s : Service.values()) {
      idleKb.put(s, rssKb(s));
    }
    timer.scheduleAtFixedRate(this::sample, 0, 500, TimeUnit.MILLISECONDS);
  }

  private synchronized void sample() {
    for (Service s : Service.values()) {
      long kb = rssKb(s);
      maxKb.merge(s, kb, Math::max);
    }
  }

  private long rssKb(Service s) {
    try {
      for (String line :
          Files.readAllLines(Path.of("/proc", Long.toString(stack.process(s).pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process is gone or /proc is not there: no sample
    }
    return 0;
  }

  /** RSS right after the stack was ready, before any load, in MB. */
  synchronized double idleMb(Service s) {
    return idleKb.getOrDefault(s, 0L) / 1024.0;
  }

  /** The largest RSS seen so far, in MB. */
  synchronized double maxMb(Service s) {
    return maxKb.getOrDefault(s, 0L) / 1024.0;
  }

  /** Idle RSS of every service, in MB. */
  synchronized Map<Service, Double> idle() {
    Map<Service, Double> mb = new EnumMap<>(Service.class);
    for (Service s : Service.values()) {
      mb.put(s, idleMb(s));
    }
    return mb;
  }

  /** Largest RSS of every service, in MB. */
  synchronized Map<Service, Double> max() {
    Map<Service, Double> mb = new EnumMap<>(Service.class);
    for (Service s : Service.values()) {
      mb.put(s, maxMb(s));
    }
    return mb;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
