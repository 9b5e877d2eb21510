package io.fraudtip.cases.rest;

import static io.fraudtip.cases.TestTips.caseOf;
import static io.fraudtip.cases.TestTips.tip;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.fraudtip.cases.TestTips;
import io.fraudtip.cases.linking.TipLinking;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.testsupport.CloudEventRecords;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectKafka;
import io.fraudtip.testsupport.InjectTokens;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class LegalClockTest {
  private static final ZoneId VIET_NAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final String UNIT = "CAX-24133";

  @InjectTokens Tokens tokens;
  @InjectDatabase TestDatabase db;
  @InjectKafka KafkaCompanion kafka;
  @Inject TipLinking cases;

  private UUID caseReceivedDaysAgo(long days, Instant[] receipt) {
    Instant received = Instant.now().minus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    receipt[0] = received;
    TipReceivedV1 t =
        tip().in("66", "24133").paid(TestTips.account(), 1_000_000).receivedAt(received).build();
    cases.onTip(UUID.randomUUID(), t);
    return (UUID) caseOf(db, t.tipId()).get("id");
  }

  private String etag(UUID id) {
    return given().auth().oauth2(tokens.police(UNIT)).get("/api/v1/cases/" + id).header("ETag");
  }

  private Response post(UUID id, String action, String reason) {
    return given()
        .auth()
        .oauth2(tokens.police(UNIT))
        .header("If-Match", etag(id))
        .contentType(ContentType.JSON)
        .body("{\"reason\":\"" + reason + "\"}")
        .post("/api/v1/cases/" + id + "/legal-clock/" + action);
  }

  private Response legalClock() {
    return given().auth().oauth2(tokens.police(UNIT)).get("/api/v1/cases/legal-clock");
  }

  @Test
  void aComplexCaseGetsTwoMonthsFromReceiptAndLeavesTheNearDeadlineList() {
    Instant[] receipt = new Instant[1];
    UUID id = caseReceivedDaysAgo(18, receipt);
    legalClock().then().statusCode(200).body("id", hasItem(id.toString()));

    post(id, "complex", "Nhiều bị hại, cần xác minh tại nhiều ngân hàng")
        .then()
        .statusCode(200)
        .body("complexAt", org.hamcrest.Matchers.notNullValue())
        .body(
            "legalDueAt", equalTo(receipt[0].atZone(VIET_NAM).plusMonths(2).toInstant().toString()))
        .body("timeline.kind", hasItem("MARKED_COMPLEX"));
    legalClock().then().statusCode(200).body("id", not(hasItem(id.toString())));

    CaseEventV1 event =
        TestTips.event(
            CloudEventRecords.awaitFirst(
                    kafka,
                    Topics.CASES_V1,
                    r ->
                        r.key().equals(id.toString())
                            && r.value().contains(CaseEventKind.LEGAL_DEADLINE_CHANGED.name()),
                    Duration.ofSeconds(20))
                .value());
    assertThat(event.note()).startsWith("Complex case, due ").doesNotContain("ngân hàng");

    // Once complex is enough.
    post(id, "complex", "again").then().statusCode(409);
  }

  @Test
  void aComplexCaseIsExtendedOnceByTwoMonthsAndASecondExtensionIsRefused() {
    Instant[] receipt = new Instant[1];
    UUID id = caseReceivedDaysAgo(70, receipt);
    // Not complex: no extension.
    post(id, "extension", "Cần thêm thời gian").then().statusCode(409);

    post(id, "complex", "Vụ việc phức tạp").then().statusCode(200);
    // Two months from a receipt 70 days ago are past: the case is listed overdue.
    legalClock()
        .then()
        .statusCode(200)
        .body("find { it.id == '" + id + "' }.overdue", equalTo(true))
        .body("find { it.id == '" + id + "' }.complex", equalTo(true))
        .body("find { it.id == '" + id + "' }.extended", equalTo(false));

    post(id, "extension", "Chờ kết quả giám định")
        .then()
        .statusCode(200)
        .body("legalExtendedAt", org.hamcrest.Matchers.notNullValue())
        .body(
            "legalDueAt", equalTo(receipt[0].atZone(VIET_NAM).plusMonths(4).toInstant().toString()))
        .body("timeline.kind", hasItem("LEGAL_DEADLINE_EXTENDED"))
        .body(
            "timeline.find { it.kind == 'LEGAL_DEADLINE_EXTENDED' }.detail",
            org.hamcrest.Matchers.endsWith(": Chờ kết quả giám định"));
    legalClock().then().statusCode(200).body("id", not(hasItem(id.toString())));

    post(id, "extension", "Lần hai").then().statusCode(409).contentType("application/problem+json");
    given()
        .auth()
        .oauth2(tokens.police("CAX-22366"))
        .header("If-Match", "*")
        .contentType(ContentType.JSON)
        .body("{\"reason\":\"x\"}")
        .post("/api/v1/cases/" + id + "/legal-clock/extension")
        .then()
        .statusCode(404);
  }
}
