package io.fraudtip.loadtests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The native load generator: wrk (Debian package {@code wrk}, installed by {@code ./run-benchmark})
 * with {@code bench.lua}, which paces requests on a schedule at the offered rate and makes each one
 * different (a new tip, another watchlist value). Each run is its own process, so its CPU is its
 * own ({@link WrkResult#generatorCpuSeconds()}).
 */
final class Wrk {
  /** wrk threads: one per core of the SPEC §9 machine. */
  static final int THREADS = 2;

  /** Which requests {@code bench.lua} makes. */
  enum Mode {
    NOOP,
    TIPS,
    WATCHLIST,
    BATCH
  }

  private final Path script;
  // Sequence numbers (tip accounts, phones, unknown values) go on across runs; the first ones are
  // far from the seeded accounts.
  private long base = 1_000_000;

  private Wrk(Path script) {
    this.script = script;
  }

  /** Copies {@code bench.lua} into {@code out}; fails when wrk is not on the PATH. */
  static Wrk prepare(Path out) {
    if (!onPath()) {
      throw new IllegalStateException(
          "wrk is not installed: ./run-benchmark installs it (apt-get install -y wrk)");
    }
    try (InputStream in = Wrk.class.getResourceAsStream("/wrk/bench.lua")) {
      Files.createDirectories(out);
      Path script = out.resolve("bench.lua");
      Files.write(script, in.readAllBytes());
      return new Wrk(script);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean onPath() {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir : path.split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "wrk"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Enough connections to hold the schedule while answers take up to 250 ms on average (Little's
   * law: rate × 0.25 s), within what wrk handles well. A late slot waits for a free connection, so
   * with rate × 0.1 s the generator fell behind as soon as answers averaged 100 ms: at the whole
   * loop's 1,000 tips/s on ./run-local it left 926 of 60,000 slots unsent (64 with 250
   * connections), offering less than the step names.
   */
  static int connections(int rate) {
    int c = Math.max(2 * THREADS, Math.min(400, rate / 4));
    return c - c % THREADS;
  }

  /**
   * Removes the accepted tips an earlier step or run left in a track directory: the script appends
   * to its files, and tips of another run never reach this run's bank (a step would read as not
   * kept up).
   */
  static void forgetAccepted(Path track) {
    try {
      Files.createDirectories(track);
      try (DirectoryStream<Path> files = Files.newDirectoryStream(track, "accepted-*.txt")) {
        for (Path f : files) {
          Files.delete(f);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not empty " + track, e);
    }
  }

  /**
   * Runs one step and records it.
   *
   * @param file watchlist: the listed values; batch: the body; otherwise null
   * @param track tips: the directory the accepted tips are written to (emptied first: it holds this
   *     step's tips only), or null
   * @param token bearer token, or null
   */
  WrkResult run(Step step, String url, Mode mode, Path file, Path track, String token) {
    if (track != null) {
      forgetAccepted(track);
    }
    List<String> command = new ArrayList<>();
    command.add("bash");
    command.add("-c");
    // `times` after wrk prints the CPU its children (wrk) used
    command.add("wrk \"$@\"; rc=$?; times; exit $rc");
    command.add("wrk");
    command.add("-t" + THREADS);
    command.add("-c" + connections(step.offeredPerSecond));
    command.add("-d" + step.seconds + "s");
    command.add("--timeout");
    command.add("10s");
    command.add("-s");
    command.add(script.toString());
    command.add(url);
    command.add("--");
    command.add(mode.name().toLowerCase(java.util.Locale.ROOT));
    command.add(Integer.toString(step.offeredPerSecond));
    command.add(Integer.toString(THREADS));
    command.add(Long.toString(base));
    command.add(file == null ? "-" : file.toString());
    command.add(track == null ? "-" : track.toString());
    command.add(token == null ? "-" : token);
    base += (long) step.offeredPerSecond * step.seconds * 2 + 1000;
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (track != null) {
      builder.environment().put("BENCH_TRACK", "1");
    }
    try {
      Process p = builder.start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(30, TimeUnit.SECONDS);
      WrkResult result = WrkResult.parse(output);
      step.record(result);
      System.out.printf(
          java.util.Locale.ROOT,
          "[bench] %s: %.0f/s OK, %d failed, p99 %.1f ms, wrk CPU %.1f s%n",
          step.name,
          step.throughput(),
          step.failedCount(),
          step.p99Ms(),
          result.generatorCpuSeconds());
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("wrk could not run", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
