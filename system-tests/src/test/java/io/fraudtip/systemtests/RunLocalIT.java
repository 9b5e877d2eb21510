package io.fraudtip.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudtip.localstack.infra.FreePorts;
import io.fraudtip.localstack.infra.ScratchDirectories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * {@code ./run-local} itself, as a process manager, a CI job or {@code timeout} runs it: started by
 * the script, stopped by SIGTERM, everything gone within 20 s (issue 14).
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "SIGTERM and the bash script are Unix's")
class RunLocalIT {
  private static final Duration READY = Duration.ofSeconds(300);
  private static final Duration STOP_BOUND = Duration.ofSeconds(20);

  @Test
  void sigtermStopsTheWholePlatformWithin20Seconds() throws Exception {
    Path repository = Path.of(System.getProperty("fraudtip.repository", "..")).toAbsolutePath();
    // This build packaged the jars a moment ago: the script's stamp says so, or it would build
    // them again (a nested Maven run inside the test).
    Path stamp = repository.resolve("local-stack/target/.run-local-built");
    Files.createDirectories(stamp.getParent());
    Files.deleteIfExists(stamp);
    Files.createFile(stamp);

    Path home = ScratchDirectories.create("fraudtip-run-local-");
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ports.add(FreePorts.pick());
    }
    Path output = home.resolve("run-local.out");
    Process runLocal =
        new ProcessBuilder(
                "bash",
                repository.resolve("run-local").toString(),
                "--home",
                home.toString(),
                "--intake-port",
                ports.get(0).toString(),
                "--case-port",
                ports.get(1).toString(),
                "--notification-port",
                ports.get(2).toString(),
                "--kafka-port",
                ports.get(3).toString(),
                "--postgres-port",
                ports.get(4).toString(),
                "--bank-port",
                ports.get(5).toString())
            .directory(repository.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    try {
      awaitLine(runLocal, output, "The fraud-tip platform is running.");
      List<ProcessHandle> children = runLocal.descendants().toList();
      assertThat(children).as("the services' JVMs run under ./run-local").hasSizeGreaterThan(2);

      long signalled = System.nanoTime();
      runLocal.destroy(); // SIGTERM, as kill, systemd or timeout send it
      boolean exited = runLocal.waitFor(STOP_BOUND.toSeconds(), TimeUnit.SECONDS);
      for (ProcessHandle child : children) {
        long left = STOP_BOUND.toNanos() - (System.nanoTime() - signalled);
        child.onExit().get(Math.max(0, left), TimeUnit.NANOSECONDS);
      }
      Duration took = Duration.ofNanos(System.nanoTime() - signalled);

      assertThat(exited).as("./run-local exited within 20 s of SIGTERM").isTrue();
      assertThat(took).isLessThanOrEqualTo(STOP_BOUND);
      assertThat(children).noneMatch(ProcessHandle::isAlive);
      assertThat(ports).as("every port is free again").allMatch(FreePorts::isFree);
      assertThat(Files.readString(output)).contains("Stopping the platform", "Stopped.");
      System.out.printf("./run-local stopped %d s after SIGTERM%n", took.toSeconds());
    } finally {
      runLocal.descendants().forEach(ProcessHandle::destroyForcibly);
      runLocal.destroyForcibly();
      ScratchDirectories.deleteQuietly(home, "logs", "run-local.out");
    }
  }

  private static void awaitLine(Process process, Path output, String line)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + READY.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(output) && Files.readString(output).contains(line)) {
        return;
      }
      if (!process.isAlive()) {
        throw new AssertionError("./run-local ended early:\n" + Files.readString(output));
      }
      Thread.sleep(500);
    }
    throw new AssertionError("./run-local was not running within " + READY + ":\n" + tail(output));
  }

  private static String tail(Path output) throws IOException {
    List<String> lines = Files.readAllLines(output);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }
}
