package io.fraudtip.loadtests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A process the benchmark started, its output in a log file. A {@link BenchChild} is ready when it
 * prints {@code READY}; it stops when its standard input is closed.
 */
final class Forked implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Path log;
  private final boolean child;
  private final CompletableFuture<Void> ready = new CompletableFuture<>();

  private Forked(String name, Process process, Path log, boolean child) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.child = child;
  }

  /**
   * Starts {@code command}; its output goes straight to {@code log}, not through a pipe: {@link
   * Process#destroy()} closes the pipe, and what the process (or a JVM it starts as it exits, such
   * as JDK 25's AOT cache assembly) writes after SIGTERM would be lost or end it with SIGPIPE.
   */
  static Forked start(String name, List<String> command, Map<String, String> env, Path log)
      throws IOException {
    Files.createDirectories(log.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    builder.environment().putAll(env);
    return new Forked(name, builder.start(), log, false);
  }

  /** A child's output is read here, to see its {@code READY} line, and copied to {@code log}. */
  private static Forked startChild(String name, List<String> command, Path log) throws IOException {
    Files.createDirectories(log.getParent());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Forked f = new Forked(name, builder.start(), log, true);
    Thread pump = new Thread(f::pump, name + "-output");
    pump.setDaemon(true);
    pump.start();
    return f;
  }

  /** A {@link BenchChild} in a JVM of its own, on this JVM's class path. */
  static Forked child(String name, Path log, String... args) throws IOException {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:+UseSerialGC",
                // warnings only: a broker logging at debug level would be busy with its logs
                "-Dlogback.configurationFile=bench-child-logback.xml",
                "-cp",
                System.getProperty("java.class.path"),
                BenchChild.class.getName()));
    command.addAll(List.of(args));
    return startChild(name, command, log);
  }

  private void pump() {
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter out =
            new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
      for (String line; (line = in.readLine()) != null; ) {
        out.println(line);
        if (line.equals(BenchChild.READY)) {
          ready.complete(null);
        }
      }
    } catch (IOException e) {
      // the process ended
    } finally {
      ready.completeExceptionally(
          new IllegalStateException(name + " ended before it was ready; see " + log));
    }
  }

  /** Waits for {@code READY}. */
  void awaitReady(Duration timeout) throws Exception {
    try {
      ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log, e);
    }
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Closes its input (a child stops) or asks it to stop (SIGTERM), and ends it if it has not
   * stopped in time.
   */
  @Override
  public void close() {
    close(Duration.ofSeconds(20));
  }

  /** {@link #close()}, waiting up to {@code grace} after SIGTERM before it ends the process. */
  void close(Duration grace) {
    try {
      process.getOutputStream().close();
      if (!child || !process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
        }
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
