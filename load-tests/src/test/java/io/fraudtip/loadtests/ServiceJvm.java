package io.fraudtip.loadtests;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JDK the services run on in a benchmark run, and the options added to {@code
 * ServiceProcess.JVM_OPTIONS} for it. JDK 17 (the one running the benchmark) is the minimum and the
 * figures' JDK; a JDK 25, when the machine has one, is measured beside it for memory with compact
 * object headers (8-byte object headers: less heap per object).
 *
 * @param label how the report names it
 * @param home the JDK's home
 * @param options added to the services' JVM options
 */
record ServiceJvm(String label, Path home, List<String> options) {
  /** Native memory tracking, with {@code -Dfraudtip.benchmark.nmt=true} (a few MB of its own). */
  private static final String NMT = "-XX:NativeMemoryTracking=summary";

  /**
   * Memory levers that are configuration only, measured in a memory phase of their own beside the
   * services' options as they are (candidates for {@code ServiceProcess.JVM_OPTIONS}).
   */
  static final List<String> LEVERS =
      List.of(
          // one Netty arena of each kind (by default two per core, each with a 4 MB chunk once
          // a thread has used it)
          "-Dio.netty.allocator.numDirectArenas=1",
          "-Dio.netty.allocator.numHeapArenas=1",
          // one Vert.x event loop per core (by default two)
          "-Dquarkus.vertx.event-loops-pool-size=2");

  /**
   * Gives memory that malloc keeps after a free back to the system every 5 s (JDK 17.0.9 and later;
   * an older JVM refuses to start with it).
   */
  static final String TRIM_NATIVE_HEAP = "-XX:TrimNativeHeapInterval=5000";

  /** This JDK with {@link #LEVERS} (and native heap trimming where the JDK has it). */
  ServiceJvm withLevers(Runtime.Version version) {
    List<String> all = new ArrayList<>(options);
    all.addAll(LEVERS);
    if (version.compareTo(Runtime.Version.parse("17.0.9")) >= 0) {
      all.add(TRIM_NATIVE_HEAP);
    }
    return new ServiceJvm(label + " + levers", home, List.copyOf(all));
  }

  /** The JDK running the benchmark. */
  static ServiceJvm current() {
    return new ServiceJvm(
        "JDK " + Runtime.version().feature(), Path.of(System.getProperty("java.home")), nmt());
  }

  /**
   * A JDK 25 or later: {@code -Dfraudtip.benchmark.jdk25=HOME}, else the first {@code
   * /usr/lib/jvm/*-25*} with a java in it (Temurin's on these machines); empty when none.
   */
  static Optional<ServiceJvm> jdk25() {
    String given = System.getProperty("fraudtip.benchmark.jdk25", "");
    Optional<Path> home =
        given.isBlank() ? find(Path.of("/usr/lib/jvm")) : Optional.of(Path.of(given));
    return home.filter(h -> Files.isExecutable(h.resolve("bin/java")))
        .map(
            h -> {
              List<String> options = new ArrayList<>(nmt());
              options.add("-XX:+UseCompactObjectHeaders");
              return new ServiceJvm("JDK 25, compact object headers", h, List.copyOf(options));
            });
  }

  static Optional<Path> find(Path jvms) {
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    try (DirectoryStream<Path> all = Files.newDirectoryStream(jvms, "*-25*")) {
      for (Path p : all) {
        if (Files.isExecutable(p.resolve("bin/java"))) {
          return Optional.of(p);
        }
      }
    } catch (IOException e) {
      // none
    }
    return Optional.empty();
  }

  private static List<String> nmt() {
    return Boolean.getBoolean("fraudtip.benchmark.nmt") ? List.of(NMT) : List.of();
  }

  Path java() {
    return home.resolve("bin/java");
  }

  Path jcmd() {
    return home.resolve("bin/jcmd");
  }
}
