package io.fraudtip.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fraudtip.localstack.infra.FreePorts;
import io.fraudtip.localstack.stack.LocalStack;
import io.fraudtip.localstack.stack.Service;
import io.fraudtip.localstack.stack.ServiceProcess;
import io.fraudtip.testsupport.RawRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * A service asked to stop (SIGTERM: a deploy, systemd, an orchestrator) answers the requests under
 * way before it exits, instead of cutting them: a citizen whose tip was being read gets its
 * tracking code, not a broken connection.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "SIGTERM is Unix's")
class GracefulStopIT {
  /** What Quarkus logs when a SIGTERM finds requests under way (quarkus.shutdown.timeout). */
  private static final String WAITING = "Waiting for HTTP requests to complete";

  private static final Pattern TRACKING_CODE =
      Pattern.compile("\"trackingCode\"\\s*:\\s*\"([^\"]+)\"");

  @Test
  void intakeAnswersATipItIsReadingWhenAskedToStop() throws Exception {
    LocalStack stack = PlatformStack.get();
    RawRequest answer;
    try (ServiceProcess intake = stack.startInstance(Service.INTAKE, FreePorts.pick(), Map.of())) {
      // A first tip, so that the one under way at the stop is not also the first this JVM runs.
      assertThat(
              post(
                      intake,
                      Tips.onlineShop("970422", Long.toString(System.nanoTime())),
                      body -> body.length,
                      () -> {})
                  .status())
          .isEqualTo(202);
      answer =
          post(
              intake,
              Tips.onlineShop("970422", Long.toString(System.nanoTime())),
              body -> body.length / 2,
              () -> {
                ProcessHandle.of(intake.pid()).orElseThrow().destroy(); // SIGTERM
                // Intake has begun to stop and waits for the request under way.
                await().atMost(Duration.ofSeconds(10)).until(() -> logOf(intake).contains(WAITING));
              });
      assertThat(answer.status())
          .as("the answer to the tip under way; intake's log ends:%n%s", tail(logOf(intake)))
          .isEqualTo(202);
      // It exits once it has answered.
      await().atMost(Duration.ofSeconds(15)).until(() -> !intake.isAlive());
    }
    // The tip it answered for is stored: the stack's own intake finds it by its tracking code.
    Matcher code = TRACKING_CODE.matcher(answer.body());
    assertThat(code.find()).as("a tracking code in " + answer.body()).isTrue();
    given()
        .get(stack.baseUrl(Service.INTAKE) + "/api/v1/tips/{code}", code.group(1))
        .then()
        .statusCode(200);
  }

  /** Posts a tip, running {@code midway} once the part of its body {@code pauseAt} says is sent. */
  private static RawRequest post(
      ServiceProcess intake, String tip, ToIntFunction<byte[]> pauseAt, Runnable midway)
      throws IOException {
    byte[] body = tip.getBytes(StandardCharsets.UTF_8);
    return RawRequest.exchange(
        intake.port(),
        "POST /api/v1/tips HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
            + "Content-Type: application/json\r\nContent-Length: "
            + body.length
            + "\r\n\r\n",
        body,
        pauseAt.applyAsInt(body),
        midway);
  }

  private static String logOf(ServiceProcess process) {
    try {
      return new String(Files.readAllBytes(process.log()), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static String tail(String log) {
    return log.substring(Math.max(0, log.length() - 3_000));
  }
}
