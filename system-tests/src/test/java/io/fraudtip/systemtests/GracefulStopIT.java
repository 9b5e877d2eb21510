package io.fraudtip.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fraudtip.localstack.infra.FreePorts;
import io.fraudtip.localstack.stack.LocalStack;
import io.fraudtip.localstack.stack.Service;
import io.fraudtip.localstack.stack.ServiceProcess;
import io.fraudtip.testsupport.RawRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
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
  private static final Pattern TRACKING_CODE =
      Pattern.compile("\"trackingCode\"\\s*:\\s*\"([^\"]+)\"");

  @Test
  void intakeAnswersATipItIsReadingWhenAskedToStop() throws Exception {
    LocalStack stack = PlatformStack.get();
    RawRequest answer;
    try (ServiceProcess intake = stack.startInstance(Service.INTAKE, FreePorts.pick(), Map.of())) {
      byte[] body = tip().getBytes(StandardCharsets.UTF_8);
      boolean[] waited = new boolean[1];
      answer =
          RawRequest.exchange(
              intake.port(),
              "POST /api/v1/tips HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                  + "Content-Type: application/json\r\nContent-Length: "
                  + body.length
                  + "\r\n\r\n",
              body,
              body.length / 2,
              () -> {
                pause(Duration.ofMillis(500)); // its head read, half its body
                ProcessHandle.of(intake.pid()).orElseThrow().destroy(); // SIGTERM
                pause(Duration.ofSeconds(1));
                waited[0] = intake.isAlive();
              });
      assertThat(waited[0]).as("intake waits for the request under way").isTrue();
      assertThat(answer.status()).as(answer.body()).isEqualTo(202);
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

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String tip() {
    return """
        {"channel": "WEB", "location": {"provinceCode": "56"},
         "occurredAt": "%s", "scamType": "ONLINE_SHOPPING_DELIVERY",
         "description": "Shop online giả, nhận tiền cọc rồi chặn liên lạc",
         "amountLostVnd": 3200000,
         "transfers": [{"bank": "970422", "accountNumber": "%s", "amountVnd": 3200000,
                        "at": "%s"}]}
        """
        .formatted(
            Instant.now().minusSeconds(3600),
            Long.toString(System.nanoTime()),
            Instant.now().minusSeconds(1800));
  }
}
