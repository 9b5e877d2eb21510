package io.fraudtip.systemtests;

import io.fraudtip.localstack.infra.FreePorts;
import io.fraudtip.localstack.infra.ScratchDirectories;
import io.fraudtip.localstack.stack.LocalStack;
import io.fraudtip.localstack.stack.Service;
import io.fraudtip.localstack.stack.StackSettings;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The stack of the system tests: what {@code ./run-local} starts, on free ports and in a scratch
 * home, once per test JVM.
 */
final class PlatformStack {
  private static LocalStack stack;

  private PlatformStack() {}

  static synchronized LocalStack get() {
    if (stack == null) {
      Path repository = Path.of(System.getProperty("fraudtip.repository", "..")).toAbsolutePath();
      Map<Service, Integer> ports = new EnumMap<>(Service.class);
      for (Service s : Service.values()) {
        ports.put(s, FreePorts.pick());
      }
      Path home = ScratchDirectories.create("fraudtip-system-");
      stack =
          LocalStack.start(
              new StackSettings(
                  repository,
                  home,
                  ports,
                  FreePorts.pick(),
                  FreePorts.pick(),
                  FreePorts.pick(),
                  Map.of(
                      "FRAUDTIP_WEBHOOKS_ALLOW_LOCAL_URLS",
                      "true",
                      // suites send hundreds of requests from one address within a minute
                      "FRAUDTIP_INTAKE_RATE_LIMITS_PER_ADDRESS_CAPACITY",
                      "1000000",
                      "FRAUDTIP_INTAKE_RATE_LIMITS_PER_CLIENT_CAPACITY",
                      "1000000",
                      // TrustAttacksIT plays citizens at distinct addresses: the stack trusts
                      // X-Forwarded-For from loopback only (./run-local trusts no proxy)
                      "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING",
                      "true",
                      "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED",
                      "true",
                      "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES",
                      "127.0.0.1,0:0:0:0:0:0:0:1",
                      // case-service's quotas likewise (the dispute bound below stays on)
                      "FRAUDTIP_QUOTAS_ENABLED",
                      "false",
                      "FRAUDTIP_QUOTAS_DISPUTES_PER_ADDRESS_PER_DAY",
                      "1000000",
                      // the suites register receivers for the same banks again and again
                      "FRAUDTIP_WEBHOOKS_MAX_ENDPOINTS_PER_BANK",
                      "1000")),
              line -> System.out.println("[stack] " + line));
      LocalStack started = stack;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    started.close();
                    ScratchDirectories.deleteQuietly(home, "logs");
                  },
                  "system-stack-stop"));
    }
    return stack;
  }
}
