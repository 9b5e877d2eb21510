package io.fraudtip.localstack.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service running as its own JVM from its packaged jar, its output in a log file. */
public final class ServiceProcess implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Service service;
  private final Process process;
  private final Path jar;
  private final int port;
  private final Map<String, String> environment;
  private final Path log;
  private final String baseUrl;

  private ServiceProcess(
      Service service,
      Process process,
      Path jar,
      int port,
      Map<String, String> environment,
      Path log) {
    this.service = service;
    this.process = process;
    this.jar = jar;
    this.port = port;
    this.environment = Map.copyOf(environment);
    this.log = log;
    this.baseUrl = "http://localhost:" + port;
  }

  /** The packaged jar of a service under the repository. */
  public static Path jar(Path repository, Service service) {
    return repository.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
  }

  /**
   * Gives the memory that malloc keeps after a free back to the system every 5 s. After five
   * minutes of tips on ./run-local (2026-12-01) the services' malloc heaps held 34-87 MB that one
   * trim ({@code jcmd PID System.trim_native_heap}) gave back: memory freed but kept by malloc for
   * reuse. JDK 17.0.9 and later; an older JVM refuses the option.
   */
  static final String TRIM_NATIVE_HEAP = "-XX:TrimNativeHeapInterval=5000";

  /** {@link #JVM_OPTIONS} for a service started on a JDK of this version. */
  static List<String> jvmOptions(Runtime.Version version) {
    List<String> options = new ArrayList<>(COMMON_OPTIONS);
    if (version.compareTo(Runtime.Version.parse("17.0.9")) >= 0) {
      options.add(TRIM_NATIVE_HEAP);
    }
    return List.copyOf(options);
  }

  /** The options of every JDK; see {@link #JVM_OPTIONS}. */
  private static final List<String> COMMON_OPTIONS =
      List.of(
          // A floor under the heap and a fixed young generation, measured on 2026-11-30 (soaks at
          // 100 tips/s): the tight heap that started at 32 MB grew 10 % at a time, each step a
          // full collection, and its small young generation promoted a batch's objects before
          // they died, so the old one filled again. Stop-the-world time fell from 98 s to 54 s
          // over three services in seven minutes, full collections after start-up to none, at
          // the same RSS (the committed heap had grown to 60-90 MB anyway).
          "-Xms96m",
          "-Xmx192m",
          "-Xmn40m",
          // Grow the old generation to keep 40 % of it free after a full collection (the JVM's
          // default): with 10 % (and at most 128 MB), case-service at 200 tips/s held some 55 MB
          // live in an old generation that stayed at 67 MB, so each full collection freed only a
          // few seconds of promotions: 17 of them in two minutes, 25.0 s stopped (measured on
          // 2026-11-30, ./run-local, jstat); with 40 % and at most 192 MB, one, 0.9 s. Above the
          // floor the heap still grows only as far as the live data needs.
          "-XX:MinHeapFreeRatio=40",
          "-XX:MaxHeapFreeRatio=70",
          "-XX:+UseSerialGC",
          "-Xss512k",
          "-XX:MaxMetaspaceSize=160m",
          "-XX:+ExitOnOutOfMemoryError",
          // On two cores the common pool has one thread, and CompletableFuture then runs every
          // async step on a new thread: the JDK HttpClient completes each webhook answer that way
          // (a profile found 12 % of notification-service's CPU starting threads).
          "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2",
          // JDK 17's code sweeper flushes compiled methods not seen on a stack for a number of
          // sweeps, and the small heap's frequent collections drive the sweeps: a profile under a
          // steady 30 tips/s found 15,000 methods flushed a minute and the JIT threads recompiling
          // them, a third of each service's CPU. The code cache (240 MB reserved) never fills.
          // Not -XX:TieredStopAtLevel=1 (the client compiler alone), measured on 2026-11-30: it
          // saves the server compiler's CPU in the first minutes and 75-125 MB of RSS a service,
          // but its code is slower where a path is hot: the watchlist's peak fell from 13,400 to
          // 3,600 checks/s and the whole loop from 100 to 50 tips/s (the benchmark notes).
          "-XX:-UseCodeCacheFlushing");

  /**
   * How each service's JVM is started, sized for SPEC §9's 300 MB of RSS per service on a 2-core
   * machine: a bounded heap; the serial collector (no parallel GC threads, no G1 remembered sets,
   * short pauses on a heap this small); smaller thread stacks; malloc's freed memory given back
   * (where the JDK can); and a JVM that exits on running out of memory rather than limp on. The
   * Dockerfile starts the images with the same options.
   */
  public static final List<String> JVM_OPTIONS = jvmOptions(Runtime.version());

  static ServiceProcess start(
      Service service, Path jar, int port, Map<String, String> environment, Path log)
      throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new StackException(
          "No packaged " + service.module() + " at " + jar + ": build first (./mvnw package)");
    }
    Files.createDirectories(log.getParent());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    // glibc otherwise keeps up to 8 malloc arenas per core for the JVM's native threads.
    builder.environment().put("MALLOC_ARENA_MAX", "2");
    builder.environment().putAll(environment);
    return new ServiceProcess(service, builder.start(), jar, port, environment, log);
  }

  /** A new process of the same service, jar, port, environment and log (after this one ended). */
  ServiceProcess startAgain() throws IOException {
    return start(service, jar, port, environment, log);
  }

  /** The environment the process was started with. */
  Map<String, String> environment() {
    return environment;
  }

  public int port() {
    return port;
  }

  /**
   * Kills the process outright (SIGKILL, as {@code kill -9}): no shutdown hook runs, nothing is
   * flushed or committed. Returns once it is gone.
   */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public Service service() {
    return service;
  }

  public long pid() {
    return process.pid();
  }

  public String baseUrl() {
    return baseUrl;
  }

  public Path log() {
    return log;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits until the service's readiness check is UP. */
  void awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
            .timeout(Duration.ofSeconds(2))
            .build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new StackException(
            service.module() + " exited with " + process.exitValue() + "; see " + log + tail());
      }
      try {
        if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new StackException(
        service.module() + " was not ready within " + timeout.toSeconds() + " s; see " + log);
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return "\n  "
          + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  /** Asks the service to stop (SIGTERM), and kills it if it has not stopped in time. */
  @Override
  public void close() {
    stopAll(List.of(this), STOP_GRACE);
  }

  /** How long a service may take to stop after SIGTERM before it is killed. */
  public static final Duration STOP_GRACE = Duration.ofSeconds(10);

  /**
   * Asks every process to stop at once (SIGTERM) and kills those still running after {@code grace}:
   * one grace period for all, so that a whole stack stops within SPEC's bound whatever its size.
   */
  public static void stopAll(List<ServiceProcess> processes, Duration grace) {
    processes.forEach(p -> p.process.destroy());
    long deadline = System.nanoTime() + grace.toNanos();
    try {
      for (ServiceProcess p : processes) {
        long left = Math.max(0, deadline - System.nanoTime());
        if (!p.process.waitFor(left, TimeUnit.NANOSECONDS)) {
          p.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      processes.forEach(p -> p.process.destroyForcibly());
      Thread.currentThread().interrupt();
    }
  }
}
