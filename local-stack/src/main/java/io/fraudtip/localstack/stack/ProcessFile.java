package io.fraudtip.localstack.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The service processes a stack started, kept in its home, so that a stack whose launcher was
 * killed outright (no chance to stop its children) is cleaned up by the next start.
 */
final class ProcessFile {
  private static final String NAME = "pids";

  private ProcessFile() {}

  static void write(Path home, Collection<ServiceProcess> processes) throws IOException {
    Files.writeString(
        home.resolve(NAME),
        processes.stream().map(p -> Long.toString(p.pid())).collect(Collectors.joining("\n")));
  }

  static void killLeftovers(Path home, Consumer<String> progress) throws IOException {
    killLeftoverPostgres(home.resolve("postgres").resolve("postmaster.pid"), progress);
    Path file = home.resolve(NAME);
    if (!Files.exists(file)) {
      return;
    }
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) {
        continue;
      }
      ProcessHandle.of(Long.parseLong(line.trim()))
          .filter(p -> p.info().commandLine().orElse("").contains("quarkus-run.jar"))
          .ifPresent(
              p -> {
                progress.accept(
                    "stopping service process " + p.pid() + " left from an earlier run");
                p.destroyForcibly();
                p.onExit().join();
              });
    }
    Files.delete(file);
  }

  /** A PostgreSQL server still running on this stack's data directory is ours and stale. */
  private static void killLeftoverPostgres(Path postmasterPid, Consumer<String> progress)
      throws IOException {
    if (!Files.exists(postmasterPid)) {
      return;
    }
    String first = Files.readAllLines(postmasterPid).stream().findFirst().orElse("").trim();
    if (!first.matches("\\d+")) {
      return;
    }
    ProcessHandle.of(Long.parseLong(first))
        .filter(p -> p.info().command().orElse("").endsWith("postgres"))
        .ifPresent(
            p -> {
              progress.accept("stopping PostgreSQL " + p.pid() + " left from an earlier run");
              p.destroy();
              p.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
            });
  }

  static void delete(Path home) {
    try {
      Files.deleteIfExists(home.resolve(NAME));
    } catch (IOException ignored) {
      // nothing left to clean
    }
  }
}
