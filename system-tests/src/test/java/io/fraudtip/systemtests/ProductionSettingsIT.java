package io.fraudtip.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fraudtip.contracts.Json;
import io.fraudtip.localstack.demo.Api;
import io.fraudtip.localstack.demo.Platform;
import io.fraudtip.localstack.infra.FreePorts;
import io.fraudtip.localstack.infra.ScratchDirectories;
import io.fraudtip.localstack.stack.LocalStack;
import io.fraudtip.localstack.stack.Service;
import io.fraudtip.localstack.stack.StackSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The platform with production's guards (issue 14). The other system tests lift the rate limits and
 * allow webhooks to any local URL; this stack of its own runs with the services' defaults, except
 * that the demo bank's one origin may receive webhooks over http on loopback (so that alerts still
 * arrive). Every request here comes from one address, as an abusive client's would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductionSettingsIT {
  /** intake's {@code fraudtip.intake.rate-limits.per-address.capacity} per minute, its default. */
  private static final int TIPS_PER_ADDRESS = 120;

  /** case-service's {@code fraudtip.quotas.per-address-capacity} per minute, its default. */
  private static final int CHECKS_PER_ADDRESS = 120;

  private static final String BANK = "970436";

  private static LocalStack stack;
  private static Path home;
  private static Platform platform;
  private static final Api API = new Api();

  @BeforeAll
  static void start() throws IOException {
    Path repository = Path.of(System.getProperty("fraudtip.repository", "..")).toAbsolutePath();
    Map<Service, Integer> ports = new EnumMap<>(Service.class);
    for (Service s : Service.values()) {
      ports.put(s, FreePorts.pick());
    }
    int bankPort = FreePorts.pick();
    home = ScratchDirectories.create("fraudtip-production-");
    stack =
        LocalStack.start(
            new StackSettings(
                repository,
                home,
                ports,
                FreePorts.pick(),
                FreePorts.pick(),
                bankPort,
                Map.of("FRAUDTIP_WEBHOOKS_LOCAL_ORIGINS", "http://127.0.0.1:" + bankPort)),
            line -> System.out.println("[production stack] " + line));
    platform = Platform.of(stack);
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
      ScratchDirectories.deleteQuietly(home, "logs");
    }
  }

  @Order(1)
  @Test
  void anAlertStillReachesTheBankOnItsAllowedOrigin() {
    String account = Platform.newAccountNumber();
    Api.Answer accepted = postTip(account);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    assertThat(platform.awaitWebhook(BANK, "account.reported", account).type())
        .isEqualTo("account.reported");
  }

  @Order(2)
  @Test
  void anEndpointOnALocalOrPrivateAddressIsRefused() {
    int elsewhere = FreePorts.pick();
    int bankPort = stack.settings().demoBankPort();
    List<String> refused =
        List.of(
            "http://127.0.0.1:" + elsewhere + "/hooks",
            "https://127.0.0.1/hooks",
            // the allowed origin by another name is another origin
            "http://localhost:" + bankPort + "/hooks/" + BANK,
            "https://169.254.169.254/latest/meta-data",
            "https://10.0.0.1/hooks",
            "https://[::1]/hooks");
    for (String url : refused) {
      Api.Answer answer =
          API.post(
              platform.url(Service.NOTIFICATION, "/api/v1/endpoints"),
              platform.bankToken(BANK),
              Map.of(),
              Json.write(
                  Map.of("bankBin", BANK, "url", url, "eventTypes", List.of("account.reported"))));
      assertThat(answer.status()).as(url + ": " + answer.body()).isEqualTo(400);
      assertThat(answer.header("Content-Type").orElse(""))
          .as(url)
          .startsWith("application/problem+json");
      assertThat(answer.json().path("errors").get(0).path("field").asText())
          .as(url)
          .isEqualTo("url");
    }
    JsonNode listed =
        API.get(
                platform.url(Service.NOTIFICATION, "/api/v1/endpoints?bankBin=" + BANK),
                platform.bankToken(BANK))
            .expect(200, "GET /api/v1/endpoints")
            .json();
    for (JsonNode endpoint : listed) {
      assertThat(endpoint.path("url").asText()).startsWith("http://127.0.0.1:" + bankPort + "/");
    }
  }

  @Order(3)
  @Test
  void tipsFromOneAddressAreLimitedAtTheConfiguredRate() {
    long started = System.nanoTime();
    int accepted = 0;
    Api.Answer limited = null;
    // the first test took one tip of the bucket
    for (int i = 0; i < 3 * TIPS_PER_ADDRESS && limited == null; i++) {
      Api.Answer answer = postTip(Platform.newAccountNumber());
      if (answer.status() == 429) {
        limited = answer;
      } else {
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        accepted++;
      }
    }
    assertThat(limited).as("a 429 within three times the capacity").isNotNull();
    assertTooMany(limited);
    // The bucket refills evenly over the minute: what came back while the requests were sent.
    double seconds = (System.nanoTime() - started) / 1e9;
    int refilled = (int) Math.ceil(seconds * TIPS_PER_ADDRESS / 60.0);
    assertThat(accepted).isBetween(TIPS_PER_ADDRESS - 1, TIPS_PER_ADDRESS - 1 + refilled + 1);
    // and what it says to wait is enough
    sleepSeconds(Long.parseLong(limited.header("Retry-After").orElseThrow()));
    assertThat(postTip(Platform.newAccountNumber()).status()).isEqualTo(202);
  }

  @Order(4)
  @Test
  void watchlistChecksFromOneAddressAreLimitedAtTheConfiguredRate() {
    long started = System.nanoTime();
    int answered = 0;
    Api.Answer limited = null;
    for (int i = 0; i < 3 * CHECKS_PER_ADDRESS && limited == null; i++) {
      Api.Answer answer =
          API.get(
              platform.url(
                  Service.CASES,
                  "/api/v1/watchlist/check?type=PHONE&value=" + Platform.newPhoneNumber()),
              null);
      if (answer.status() == 429) {
        limited = answer;
      } else {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        answered++;
      }
    }
    assertThat(limited).as("a 429 within three times the capacity").isNotNull();
    assertTooMany(limited);
    double seconds = (System.nanoTime() - started) / 1e9;
    int refilled = (int) Math.ceil(seconds * CHECKS_PER_ADDRESS / 60.0);
    assertThat(answered).isBetween(CHECKS_PER_ADDRESS - 1, CHECKS_PER_ADDRESS + refilled + 1);
  }

  private static void assertTooMany(Api.Answer limited) {
    assertThat(limited.header("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(limited.json().path("status").asInt()).isEqualTo(429);
    String retryAfter = limited.header("Retry-After").orElse("");
    assertThat(retryAfter).as("Retry-After in whole seconds").matches("[1-9][0-9]*");
    assertThat(Long.parseLong(retryAfter)).isLessThanOrEqualTo(60);
  }

  /** A victim's tip paying a fresh account at {@link #BANK}, straight to intake. */
  private static Api.Answer postTip(String account) {
    Instant now = Instant.now();
    Map<String, Object> tip = new LinkedHashMap<>();
    tip.put("channel", "WEB");
    tip.put("location", Map.of("provinceCode", "66"));
    tip.put("occurredAt", now.minus(3, ChronoUnit.HOURS).toString());
    tip.put("scamType", "INVESTMENT_CRYPTO");
    tip.put("description", "Bị dụ đầu tư tiền ảo, chuyển tiền rồi mất liên lạc");
    tip.put("amountLostVnd", 5_000_000);
    tip.put(
        "transfers",
        List.of(
            Map.of(
                "bank",
                BANK,
                "accountNumber",
                account,
                "amountVnd",
                5_000_000,
                "at",
                now.minus(1, ChronoUnit.HOURS).toString())));
    return API.post(platform.url(Service.INTAKE, "/api/v1/tips"), null, Map.of(), Json.write(tip));
  }

  private static void sleepSeconds(long seconds) {
    try {
      Thread.sleep(seconds * 1000 + 200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
