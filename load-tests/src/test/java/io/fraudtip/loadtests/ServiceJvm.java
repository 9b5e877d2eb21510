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
 * @param feature the JDK's feature version (17, 25)
 * @param options added to the services' JVM options; {@link #SERVICE} in one stands for the
 *     service's module name
 */
record ServiceJvm(String label, Path home, int feature, List<String> options) {
  /** Native memory tracking: always in the memory phases, else with {@code --nmt}. */
  private static final String NMT = "-XX:NativeMemoryTracking=summary";

  /** The training run's metaspace limit (the last -XX:MaxMetaspaceSize given wins). */
  static final String TRAINING_METASPACE = "-XX:MaxMetaspaceSize=512m";

  /** In an option, replaced by the service's module name (a file of its own per service). */
  static final String SERVICE = "{service}";

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
   * The JIT's first tier alone: methods compiled by C1 without profiling, never by C2. A memory
   * lever (no C2 compiler arenas, a smaller code cache) that costs CPU once C2 would have compiled
   * the hot code; measured, not adopted.
   */
  static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

  /** This JDK with {@link #C1_ONLY}. */
  ServiceJvm withC1Only() {
    return plus("C1 only", List.of(C1_ONLY));
  }

  /** This JDK with {@link #LEVERS}. */
  ServiceJvm withLevers() {
    return plus("levers", LEVERS);
  }

  /** This JDK with these options added, its label naming them. */
  private ServiceJvm plus(String name, List<String> added) {
    List<String> all = new ArrayList<>(options);
    all.addAll(added);
    return new ServiceJvm(label + " + " + name, home, feature, List.copyOf(all));
  }

  /** This JDK with the native memory tracker (a few MB of its own), for the memory phases. */
  ServiceJvm withNmt() {
    if (options.contains(NMT)) {
      return this;
    }
    List<String> all = new ArrayList<>(options);
    all.add(NMT);
    return new ServiceJvm(label, home, feature, List.copyOf(all));
  }

  boolean tracksNativeMemory() {
    return options.contains(NMT);
  }

  /**
   * A training run: each service writes the classes it loaded to {@code dir} when it exits (JDK 17:
   * a dynamic AppCDS archive, {@code -XX:ArchiveClassesAtExit}; JDK 25: the AOT cache of JEP
   * 483/514, {@code -XX:AOTCacheOutput}, which also holds linked classes and method profiles).
   * Without the native memory tracker: the training run is not measured, and Temurin 25.0.3 crashed
   * (SIGSEGV in {@code FileMapInfo::readonly_total}) when {@code jcmd VM.native_memory} asked a JVM
   * recording its AOT cache.
   */
  ServiceJvm recordingClassArchive(Path dir) {
    List<String> all = new ArrayList<>(options);
    all.remove(NMT);
    // JDK 25 sizes the buffer it writes the cache from by the metaspace limit: with the services'
    // 160 MB it stopped ("Unable to allocate from 'ro' region") and wrote nothing. Training only.
    all.add(TRAINING_METASPACE);
    all.add((feature >= 25 ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + archive(dir));
    return new ServiceJvm(label + ", recording " + archiveKind(), home, feature, List.copyOf(all));
  }

  /**
   * This JDK started from the archive a {@link #recordingClassArchive} run wrote to {@code dir}.
   */
  ServiceJvm withClassArchive(Path dir) {
    List<String> all = new ArrayList<>(options);
    all.add((feature >= 25 ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive(dir));
    return new ServiceJvm(label + " + " + archiveKind(), home, feature, List.copyOf(all));
  }

  /** The archive file of a service in {@code dir}. */
  Path archive(Path dir, String module) {
    return Path.of(archive(dir).replace(SERVICE, module));
  }

  private String archive(Path dir) {
    return dir.resolve(SERVICE + (feature >= 25 ? ".aot" : ".jsa")).toString();
  }

  private String archiveKind() {
    return feature >= 25 ? "AOT cache" : "AppCDS";
  }

  /**
   * The JDK running the benchmark, with the options of {@code -Dfraudtip.benchmark.service-options}
   * (space-separated, to try a JVM option on the services before it goes into {@code
   * ServiceProcess.JVM_OPTIONS}; the report's JDK label names them).
   */
  static ServiceJvm current() {
    List<String> options = new ArrayList<>(nmt());
    String label = "JDK " + Runtime.version().feature();
    List<String> given = tried(System.getProperty("fraudtip.benchmark.service-options", ""));
    if (!given.isEmpty()) {
      options.addAll(given);
      label += " " + String.join(" ", given);
    }
    return new ServiceJvm(
        label,
        Path.of(System.getProperty("java.home")),
        Runtime.version().feature(),
        List.copyOf(options));
  }

  /**
   * The options of {@code -Dfraudtip.benchmark.service-options}, space-separated. Gatling's fork
   * passes a value with spaces on in quotes of its own, which are not part of the options.
   */
  static List<String> tried(String value) {
    String given = value.trim().replaceAll("^\"(.*)\"$", "$1").trim();
    return given.isEmpty() ? List.of() : List.of(given.split("\\s+"));
  }

  /**
   * A JDK 25 or later: {@code -Dfraudtip.benchmark.jdk25=HOME}, else the first {@code
   * /usr/lib/jvm/*-25*} with a java in it (Temurin's on these machines); empty when none, or when
   * the property is {@code none}.
   */
  static Optional<ServiceJvm> jdk25() {
    return jdk25(System.getProperty("fraudtip.benchmark.jdk25", ""), Path.of("/usr/lib/jvm"));
  }

  static Optional<ServiceJvm> jdk25(String given, Path jvms) {
    if ("none".equals(given)) {
      return Optional.empty();
    }
    Optional<Path> home = given.isBlank() ? find(jvms) : Optional.of(Path.of(given));
    return home.filter(h -> Files.isExecutable(h.resolve("bin/java")))
        .map(
            h -> {
              List<String> options = new ArrayList<>(nmt());
              options.add("-XX:+UseCompactObjectHeaders");
              return new ServiceJvm("JDK 25, compact object headers", h, 25, List.copyOf(options));
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
