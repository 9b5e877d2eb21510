package io.fraudtip.cases.rest;

import static io.fraudtip.cases.TestTips.caseOf;
import static io.fraudtip.cases.TestTips.tip;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fraudtip.cases.TestTips;
import io.fraudtip.cases.linking.TipLinking;
import io.fraudtip.contracts.tips.ScamType;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectTokens;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class StatisticsResourceTest {
  @InjectTokens Tokens tokens;
  @InjectDatabase TestDatabase db;
  @Inject TipLinking cases;

  @Test
  void figuresPerQuarterAndProvinceInJsonAndCsv() {
    // Province 02 (Tuyên Quang) is used by no other test.
    String account = TestTips.account();
    TipReceivedV1 a = tip().in("02", null).type(ScamType.LOAN_APP).paid(account, 7_000_000).build();
    TipReceivedV1 b = tip().in("02", null).type(ScamType.LOAN_APP).paid(account, 3_000_000).build();
    cases.onTip(UUID.randomUUID(), a);
    cases.onTip(UUID.randomUUID(), b);
    UUID caseId = (UUID) caseOf(db, a.tipId()).get("id");
    db.update(
        "INSERT INTO bank_response (response_id, case_id, bank_bin, account_number, layer, outcome,"
            + " frozen_vnd, restored_vnd, responded_at) VALUES (?, ?, '970436', ?, 1, 'FROZEN',"
            + " 4000000, 0, ?)",
        UUID.randomUUID(),
        caseId,
        account,
        Timestamp.from(Instant.now()));

    LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    String quarter = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
    JsonPath report =
        given()
            .auth()
            .oauth2(tokens.operator("ops"))
            .accept("application/json")
            .get("/api/v1/statistics?groupBy=PROVINCE")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<Map<String, Object>> rows = report.getList("rows");
    Map<String, Object> row =
        rows.stream()
            .filter(r -> "02".equals(r.get("group")) && quarter.equals(r.get("period")))
            .findFirst()
            .orElseThrow();
    assertThat(row)
        .containsEntry("tips", 2)
        .containsEntry("cases", 1)
        .containsEntry("victims", 2)
        .containsEntry("lossesVnd", 10_000_000)
        .containsEntry("frozenVnd", 4_000_000);

    String csv =
        given()
            .auth()
            .oauth2(tokens.operator("ops"))
            .accept("text/csv")
            .get("/api/v1/statistics?groupBy=PROVINCE")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(csv).startsWith("period,province,tips,cases,victims,losses_vnd,frozen_vnd");
    assertThat(csv).contains(quarter + ",02,2,1,2,10000000,4000000,0,");

    given().auth().oauth2(tokens.bank("970436")).get("/api/v1/statistics").then().statusCode(403);
  }

  @Test
  void aPoliceUnitSeesTheFiguresOfItsOwnSubtreeOnly() {
    TipReceivedV1 t = tip().in("66", "24133").paid(TestTips.account(), 2_000_000).build();
    cases.onTip(UUID.randomUUID(), t);
    String unit = (String) caseOf(db, t.tipId()).get("unit_code");
    assertThat(unit).isEqualTo("CAX-24133");

    assertThat(unitsSeenBy(tokens.operator("ops"))).contains("CAX-24133");
    assertThat(unitsSeenBy(tokens.police("CAT-66"))).contains("CAX-24133");
    // A sibling commune sees its own figures at most, never its neighbour's or the province's.
    assertThat(unitsSeenBy(tokens.police("CAX-24121")))
        .doesNotContain("CAX-24133")
        .allMatch("CAX-24121"::equals);
  }

  private List<String> unitsSeenBy(String token) {
    return given()
        .auth()
        .oauth2(token)
        .accept("application/json")
        .get("/api/v1/statistics?groupBy=UNIT")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("rows.group", String.class);
  }
}
