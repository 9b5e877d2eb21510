package io.fraudtip.cases.rest;

import static io.fraudtip.cases.TestTips.caseOf;
import static io.fraudtip.cases.TestTips.tip;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.fraudtip.cases.TestTips;
import io.fraudtip.cases.linking.TipLinking;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.cases.AccountRefV1;
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
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class DisputeResourceTest {
  @InjectTokens Tokens tokens;
  @InjectDatabase TestDatabase db;
  @InjectKafka KafkaCompanion kafka;
  @Inject TipLinking cases;

  @Test
  void anUpheldDisputeDelistsTheAccountAndRetractsIt() {
    String account = TestTips.account();
    TipReceivedV1 t = tip().in("66", "24133").paid(account, 1_000_000).build();
    cases.onTip(UUID.randomUUID(), t);
    UUID caseId = (UUID) caseOf(db, t.tipId()).get("id");
    String value = TestTips.VCB + ":" + account;
    String caseUnit = (String) caseOf(db, t.tipId()).get("unit_code");
    String body =
        "{\"type\":\"BANK_ACCOUNT\",\"value\":\""
            + value
            + "\",\"reason\":\"Chủ tài khoản bị mạo danh\"}";

    // Another bank cannot speak for this bank's customer.
    given()
        .auth()
        .oauth2(tokens.bank("970422"))
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/disputes")
        .then()
        .statusCode(404);
    String disputeId =
        given()
            .auth()
            .oauth2(tokens.bank(TestTips.VCB))
            .contentType(ContentType.JSON)
            .body(body)
            .post("/api/v1/disputes")
            .then()
            .statusCode(201)
            .body("status", equalTo("OPEN"))
            // the holder's bank is told why, who decides and by when
            .body("decidingUnit", equalTo(caseUnit))
            .body("decideBy", notNullValue())
            .body("reasons.kind", hasItem("REPORTS"))
            .extract()
            .path("id");

    // Only the case's unit (or one above it) decides.
    given()
        .auth()
        .oauth2(tokens.police("CAX-22366"))
        .contentType(ContentType.JSON)
        .body("{\"upheld\":true}")
        .post("/api/v1/disputes/" + disputeId + "/decision")
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(tokens.police("CAX-24133"))
        .get("/api/v1/cases/" + caseId + "/disputes")
        .then()
        .statusCode(200)
        .body("[0].filedBy", equalTo("BANK"));
    given()
        .auth()
        .oauth2(tokens.police("CAX-24133"))
        .contentType(ContentType.JSON)
        .body("{\"upheld\":true,\"note\":\"Tài khoản bị lợi dụng\"}")
        .post("/api/v1/disputes/" + disputeId + "/decision")
        .then()
        .statusCode(200)
        .body("status", equalTo("UPHELD"));
    given()
        .auth()
        .oauth2(tokens.police("CAX-24133"))
        .contentType(ContentType.JSON)
        .body("{\"upheld\":false}")
        .post("/api/v1/disputes/" + disputeId + "/decision")
        .then()
        .statusCode(409);

    given()
        .queryParam("type", "BANK_ACCOUNT")
        .queryParam("value", value)
        .get("/api/v1/watchlist/check")
        .then()
        .statusCode(200)
        .body("listed", equalTo(false));
    given()
        .get("/api/v1/disputes/" + disputeId)
        .then()
        .statusCode(200)
        .body("status", equalTo("UPHELD"));

    CaseEventV1 delisted =
        TestTips.event(
            CloudEventRecords.awaitFirst(
                    kafka,
                    Topics.CASES_V1,
                    r ->
                        r.key().equals(caseId.toString())
                            && r.value().contains("IDENTIFIER_DELISTED"),
                    Duration.ofSeconds(20))
                .value());
    assertThat(delisted.accounts()).containsExactly(new AccountRefV1(TestTips.VCB, account, 1));
    assertThat(delisted.tipIds()).containsExactly(t.tipId());
  }

  @Test
  void anUnlistedIdentifierCannotBeDisputed() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"type\":\"PHONE\",\"value\":\"+84900000001\",\"reason\":\"x\"}")
        .post("/api/v1/disputes")
        .then()
        .statusCode(404);
  }
}
