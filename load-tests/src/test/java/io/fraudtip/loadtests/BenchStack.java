package io.fraudtip.loadtests;

import io.fraudtip.localstack.infra.FreePorts;
import io.fraudtip.localstack.stack.LocalStack;
import io.fraudtip.localstack.stack.Service;
import io.fraudtip.localstack.stack.StackException;
import io.fraudtip.localstack.stack.StackSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The stack under test: what {@code ./run-local} starts, on free ports and in a scratch home, with
 * the intake rate limits raised (the benchmark posts every tip from one address) and, with {@code
 * -Dfraudtip.benchmark.jfr=true}, a JFR recording of each service written into the home.
 */
final class BenchStack {
  private BenchStack() {}

  /**
   * Starts the stack, trying again (twice at most) when a service is not ready in time: on a
   * machine busy with other work a JVM start alone can take minutes.
   */
  static LocalStack start(Path out) {
    for (int attempt = 1; ; attempt++) {
      try {
        return startOnce(out);
      } catch (StackException e) {
        if (attempt == 3) {
          throw e;
        }
        System.out.println("[bench] the stack did not start (" + e.getMessage() + "); again");
      }
    }
  }

  private static LocalStack startOnce(Path out) {
    Path repository = Path.of(System.getProperty("fraudtip.repository", "..")).toAbsolutePath();
    Map<Service, Integer> ports = new EnumMap<>(Service.class);
    for (Service s : Service.values()) {
      ports.put(s, FreePorts.pick());
    }
    Path home;
    try {
      home = Files.createTempDirectory("fraudtip-bench-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> env = new HashMap<>();
    env.put("FRAUDTIP_WEBHOOKS_ALLOW_LOCAL_URLS", "true");
    env.put("FRAUDTIP_INTAKE_RATE_LIMITS_PER_ADDRESS_CAPACITY", "1000000000");
    env.put("FRAUDTIP_INTAKE_RATE_LIMITS_PER_CLIENT_CAPACITY", "1000000000");
    // the benchmark's banks screen far more than a bank's quota a minute
    env.put("FRAUDTIP_QUOTAS_ENABLED", "false");
    if (Boolean.getBoolean("fraudtip.benchmark.jfr")) {
      Path jfr = out.resolve("jfr").toAbsolutePath();
      try {
        Files.createDirectories(jfr);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      // One file per process (JDK 17 names it after the pid when given a directory).
      env.put(
          "JAVA_TOOL_OPTIONS",
          "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + jfr);
    }
    LocalStack stack =
        LocalStack.start(
            new StackSettings(
                repository, home, ports, FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), env),
            line -> System.out.println("[stack] " + line));
    Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "bench-stack-stop"));
    return stack;
  }
}
