package io.fraudtip.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import io.fraudtip.contracts.CloudEvents;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.tips.Channel;
import io.fraudtip.contracts.tips.ScamType;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.contracts.tips.TransferV1;
import io.fraudtip.contracts.tips.TrustLevel;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.localstack.stack.LocalStack;
import io.fraudtip.localstack.stack.Service;
import io.fraudtip.testsupport.CloudEventRecords;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The platform as ./run-local starts it: three service processes, real Kafka and PostgreSQL. */
class PlatformIT {
  static LocalStack stack;
  static KafkaCompanion kafka;

  @BeforeAll
  static void start() {
    stack = PlatformStack.get();
    kafka = new KafkaCompanion(stack.kafkaBootstrapServers());
  }

  @AfterAll
  static void closeClient() {
    kafka.close();
  }

  @Test
  void everyServiceIsReadyAndDocumentsItsApi() throws Exception {
    for (Service s : Service.values()) {
      String base = stack.baseUrl(s);
      given()
          .get(base + "/q/health/ready")
          .then()
          .statusCode(200)
          .body("status", equalTo("UP"))
          // Durable as production (SPEC §4): each service's database commits to disk.
          .body("checks.find { it.name == 'durable-commits' }.status", equalTo("UP"))
          .body(
              "checks.find { it.name == 'durable-commits' }.data.synchronous_commit", equalTo("on"))
          .body("checks.find { it.name == 'durable-commits' }.data.fsync", equalTo("on"));
      given().get(base + "/q/swagger-ui/").then().statusCode(200);
      given().get(base + "/q/openapi?format=json").then().statusCode(200);
    }
    JsonNode json = Json.events().readTree(stack.stackJson().toFile());
    assertThat(json.at("/services/intake").asText()).isEqualTo(stack.baseUrl(Service.INTAKE));
    assertThat(json.at("/kafka").asText()).isEqualTo(stack.kafkaBootstrapServers());
    assertThat(json.at("/tokens/operator").asText()).isNotBlank();
    assertThat(json.at("/tokens/police/PA05-66").asText()).isNotBlank();
    assertThat(json.at("/tokens/bank/970436").asText()).isNotBlank();
  }

  @Test
  void aTipOnTipsV1IsConsumedByTheCaseAndTheNotificationServices() {
    UUID tipId = UUID.randomUUID();
    Instant now = Instant.now();
    String tip =
        Json.write(
            new TipReceivedV1(
                tipId,
                "SYST-EMTE-ST",
                now,
                Channel.HOTLINE,
                TrustLevel.ANONYMOUS_WITH_TRANSFERS,
                "66",
                null,
                now.minusSeconds(600),
                ScamType.IMPERSONATION_BANK_TELECOM_UTILITY,
                "Giả danh nhân viên ngân hàng",
                7_000_000,
                List.of(new TransferV1("970436", "9988776655", null, 7_000_000, now)),
                List.of()));
    kafka
        .produceStrings()
        .fromRecords(
            CloudEventRecords.of(
                Topics.TIPS_V1,
                tipId.toString(),
                UUID.randomUUID(),
                CloudEvents.TYPE_TIP_RECEIVED,
                tip))
        .awaitCompletion(Duration.ofSeconds(10));

    // case-service took it into a case and said so on cases.v1
    CloudEventRecords.awaitFirst(
        kafka, Topics.CASES_V1, r -> r.value().contains(tipId.toString()), Duration.ofSeconds(30));
    // notification-service raised an alert for the paid account's bank
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(stack.tokens().bank("970436"))
                    .get(stack.baseUrl(Service.NOTIFICATION) + "/api/v1/alerts")
                    .then()
                    .statusCode(200)
                    .body("tipId", hasItem(tipId.toString())));
  }

  @Test
  void aTipPostedToIntakeReachesTheBankAsASignedWebhook() {
    String account = Long.toString(System.nanoTime());
    given()
        .contentType("application/json")
        .body(Tips.onlineShop("970422", account))
        .post(stack.baseUrl(Service.INTAKE) + "/api/v1/tips")
        .then()
        .statusCode(202);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                stack.demoBank().receiver("970422").deliveries().stream()
                    .anyMatch(d -> d.body().contains(account) && d.verified()));
  }

  @Test
  void theStacksTokensAreAcceptedAndForgedOnesRefused() {
    String cases = stack.baseUrl(Service.CASES) + "/api/v1/cases";
    given().auth().oauth2(stack.tokens().police("PA05-66")).get(cases).then().statusCode(200);
    given().auth().oauth2(Tokens.forged()).get(cases).then().statusCode(401);
    given().get(cases).then().statusCode(401);
  }
}
