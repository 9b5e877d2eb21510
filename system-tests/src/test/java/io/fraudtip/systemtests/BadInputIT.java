package io.fraudtip.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fraudtip.contracts.Json;
import io.fraudtip.localstack.stack.LocalStack;
import io.fraudtip.localstack.stack.Service;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input against every public endpoint of the three services (issue #7): each answer is a clear
 * 4xx in problem+json, never a 5xx nor a stack trace, and nothing is stored: no row of any table of
 * any service is added, changed or removed (the outbox included) and no topic moves.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputIT {
  /** What must never reach a caller: traces, exception and library names, SQL. */
  private static final List<String> LEAKS =
      List.of(
          "Exception",
          "\tat ",
          "at java.",
          "at io.",
          "at org.",
          "Caused by",
          "com.fasterxml",
          "org.hibernate",
          "org.postgresql",
          "io.vertx",
          "jakarta.",
          "SQLState",
          "ERROR:");

  /** Where the list of cases is written, for the report. */
  private static final Path CATALOGUE = Path.of("target", "bad-input-cases.txt");

  private static LocalStack stack;
  private static StoreLedger ledger;
  private static BadInputCases.Fixture fixture;
  private static Map<String, String> offsetsBefore;
  private static List<Probe> probes;

  @BeforeAll
  static void start() throws Exception {
    stack = PlatformStack.get();
    ledger = new StoreLedger(stack);
    BadInputCases.Fixture made = fixture();
    // Everything the fixture set off (case, alert, webhook, status updates) settles first; the
    // case's version moved on meanwhile (dispute, bank answers), so its ETag is read afterwards.
    quiet();
    fixture =
        new BadInputCases.Fixture(
            made.account(),
            made.trackingCode(),
            made.caseId(),
            made.caseUnit(),
            given()
                .auth()
                .oauth2(stack.tokens().police(made.caseUnit()))
                .get(stack.baseUrl(Service.CASES) + "/api/v1/cases/" + made.caseId())
                .then()
                .statusCode(200)
                .extract()
                .header("ETag"),
            made.disputeId(),
            made.alertId(),
            made.alertBank(),
            made.endpointId(),
            made.deliveryId());
    offsetsBefore = ledger.offsets();
    probes = BadInputCases.all(fixture, stack.tokens());
    writeCatalogue();
  }

  @AfterAll
  static void close() {
    if (ledger != null) {
      ledger.close();
    }
  }

  static Stream<Probe> probes() {
    return probes.stream();
  }

  @Order(1)
  @ParameterizedTest(name = "{0}")
  @MethodSource("probes")
  void isRefusedClearlyAndStoresNothing(Probe probe) {
    Map<String, String> before = ledger.rows();
    Response answer = send(probe);
    String body = answer.asString();
    int status = answer.statusCode();
    String shown = status + " " + answer.contentType() + " " + abbreviate(body);

    assertThat(probe.status()).as("the status %s must get is named", probe).isNotZero();
    assertThat(status).as(shown).isEqualTo(probe.status());
    assertThat(answer.contentType()).as(shown).startsWith("application/problem+json");
    for (String leak : LEAKS) {
      assertThat(body).as(shown).doesNotContain(leak);
    }
    JsonNode problem = read(body, shown);
    assertThat(problem.path("status").asInt()).as(shown).isEqualTo(status);
    assertThat(problem.path("title").asText()).as(shown).isNotBlank();
    assertThat(problem.path("detail").asText()).as(shown).isNotBlank();
    if (probe.fieldErrors()) {
      assertThat(problem.path("errors").isArray() && !problem.path("errors").isEmpty())
          .as("field errors in " + shown)
          .isTrue();
      for (JsonNode error : problem.path("errors")) {
        assertThat(error.has("field")).as(shown).isTrue();
        assertThat(error.path("code").asText()).as(shown).isNotBlank();
        assertThat(error.path("message").asText()).as(shown).isNotBlank();
      }
    }
    assertThat(ledger.rows()).as("rows after " + shown).isEqualTo(before);
  }

  @Order(2)
  @Test
  void noRefusedRequestReachedKafka() {
    // No sleep needed: events leave only through the outbox, and every probe was checked to leave
    // the outbox as it was; so a topic that moved was written by something else, and shows here.
    assertThat(ledger.offsets()).isEqualTo(offsetsBefore);
  }

  private static Response send(Probe probe) {
    RequestSpecification request =
        given()
            .config(
                RestAssuredConfig.config()
                    .encoderConfig(
                        EncoderConfig.encoderConfig()
                            .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
            .urlEncodingEnabled(false)
            .baseUri(stack.baseUrl(probe.service()));
    if (probe.token() != null) {
      request.header("Authorization", "Bearer " + probe.token());
    }
    probe.headers().forEach(request::header);
    if (probe.body() != null) {
      request.contentType(probe.contentType());
      if (probe.contentType().startsWith("application/x-www-form-urlencoded")) {
        // REST Assured encodes form bodies itself and takes only text for them
        request.body(new String(probe.body(), java.nio.charset.StandardCharsets.UTF_8));
      } else {
        request.body(probe.body());
      }
    }
    return request.request(probe.method(), probe.path());
  }

  private static JsonNode read(String body, String shown) {
    try {
      return Json.events().readTree(body);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + shown, e);
    }
  }

  private static String abbreviate(String body) {
    return body.length() > 600 ? body.substring(0, 600) + "…" : body;
  }

  private static Map<String, String> quiet() throws InterruptedException {
    return ledger.awaitQuiet(Duration.ofSeconds(3), Duration.ofSeconds(90));
  }

  /**
   * One tip through the whole platform: its case (acknowledged by its unit, so that no deadline
   * escalates it while the suite runs), a dispute of its account, the bank's alert, endpoint and
   * delivery.
   */
  private static BadInputCases.Fixture fixture() {
    String account = "77" + (System.nanoTime() % 100_000_000L);
    String bank = "970436";
    Instant now = Instant.now();
    String tip =
        """
        {"channel": "HOTLINE", "location": {"provinceCode": "66"},
         "occurredAt": "%s", "scamType": "IMPERSONATION_AUTHORITY",
         "description": "Giả danh công an, yêu cầu chuyển tiền vào tài khoản tạm giữ",
         "amountLostVnd": 12000000,
         "transfers": [{"bank": "%s", "accountNumber": "%s", "amountVnd": 12000000, "at": "%s"}]}
        """
            .formatted(now.minusSeconds(7200), bank, account, now.minusSeconds(3600));
    String trackingCode =
        given()
            .contentType("application/json")
            .body(tip)
            .post(stack.baseUrl(Service.INTAKE) + "/api/v1/tips")
            .then()
            .statusCode(202)
            .extract()
            .path("trackingCode");

    String value = bank + ":" + account;
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                ledger.value(
                        Service.CASES,
                        "SELECT c.unit_code FROM fraud_case c JOIN case_identifier i"
                            + " ON i.case_id = c.id WHERE i.value = '"
                            + value
                            + "'")
                    != null);
    UUID caseId =
        (UUID)
            ledger.value(
                Service.CASES, "SELECT case_id FROM case_identifier WHERE value = '" + value + "'");
    String unit =
        (String)
            ledger.value(
                Service.CASES, "SELECT unit_code FROM fraud_case WHERE id = '" + caseId + "'");
    String police = stack.tokens().police(unit);
    String cases = stack.baseUrl(Service.CASES) + "/api/v1/cases/" + caseId;
    String etag =
        given().auth().oauth2(police).get(cases).then().statusCode(200).extract().header("ETag");
    etag =
        given()
            .auth()
            .oauth2(police)
            .header("If-Match", etag)
            .contentType("application/json")
            .post(cases + "/acknowledge")
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    UUID disputeId =
        UUID.fromString(
            given()
                .contentType("application/json")
                .body(
                    """
                    {"type": "BANK_ACCOUNT", "value": "%s",
                     "reason": "Tài khoản của tôi bị kẻ gian mạo danh"}
                    """
                        .formatted(value))
                .post(stack.baseUrl(Service.CASES) + "/api/v1/disputes")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                ledger.value(
                        Service.NOTIFICATION,
                        "SELECT d.id FROM delivery d JOIN alert a ON a.id = d.alert_id"
                            + " WHERE a.account_number = '"
                            + account
                            + "' AND a.bank_bin = '"
                            + bank
                            + "'")
                    != null);
    UUID alertId =
        (UUID)
            ledger.value(
                Service.NOTIFICATION,
                "SELECT id FROM alert WHERE account_number = '"
                    + account
                    + "' AND bank_bin = '"
                    + bank
                    + "'");
    UUID deliveryId =
        (UUID)
            ledger.value(
                Service.NOTIFICATION, "SELECT id FROM delivery WHERE alert_id = '" + alertId + "'");
    UUID endpointId =
        (UUID)
            ledger.value(
                Service.NOTIFICATION,
                "SELECT endpoint_id FROM delivery WHERE id = '" + deliveryId + "'");
    return new BadInputCases.Fixture(
        account,
        trackingCode,
        caseId,
        unit,
        etag,
        disputeId,
        alertId,
        bank,
        endpointId,
        deliveryId);
  }

  /** Writes the cases and their count per endpoint, for the report. */
  private static void writeCatalogue() throws IOException {
    Map<String, Long> perEndpoint =
        probes.stream()
            .collect(
                Collectors.groupingBy(
                    p -> p.service().module() + " " + p.method() + " " + p.endpoint(),
                    TreeMap::new,
                    Collectors.counting()));
    StringBuilder out = new StringBuilder();
    out.append(probes.size()).append(" cases\n\nper endpoint:\n");
    perEndpoint.forEach((e, n) -> out.append(String.format("%4d  %s%n", n, e)));
    out.append("\ncases:\n");
    probes.forEach(p -> out.append(p).append('\n'));
    Files.createDirectories(CATALOGUE.getParent());
    Files.writeString(CATALOGUE, out);
  }
}
