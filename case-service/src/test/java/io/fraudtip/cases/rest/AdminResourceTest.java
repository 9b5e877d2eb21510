package io.fraudtip.cases.rest;

import static io.fraudtip.cases.TestTips.caseOf;
import static io.fraudtip.cases.TestTips.tip;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

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
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class AdminResourceTest {
  @InjectTokens Tokens tokens;
  @InjectDatabase TestDatabase db;
  @Inject TipLinking cases;

  @Test
  void theSeedHoldsTheMinistryAndBothProvincesWithTheirDivisionsAndCommunes() {
    given()
        .auth()
        .oauth2(tokens.operator("ops"))
        .get("/api/v1/admin/units")
        .then()
        .statusCode(200)
        .body(
            "code",
            hasItems(
                "A05",
                "C02",
                "CAT-66",
                "PA05-66",
                "PC02-66",
                "CAT-56",
                "PA05-56",
                "PC02-56",
                "CAX-24133",
                "CAX-22366"));
    given()
        .auth()
        .oauth2(tokens.operator("ops"))
        .get("/api/v1/admin/units/CAX-24133")
        .then()
        .statusCode(200)
        .body("parentCode", equalTo("CAT-66"))
        .body("path", equalTo("/BCA/CAT-66/CAX-24133/"));
    given().auth().oauth2(tokens.police("A05")).get("/api/v1/admin/units").then().statusCode(403);
  }

  @Test
  void anOperatorsRuleRoutesTheNextCase() {
    String op = tokens.operator("ops");
    given()
        .auth()
        .oauth2(op)
        .contentType(ContentType.JSON)
        .body(
            """
            {"id":"R-ROMANCE-TEST","position":1,"description":"Romance scams to C02",
             "scamTypes":["ROMANCE"],"targetUnit":"C02"}""")
        .post("/api/v1/admin/rules")
        .then()
        .statusCode(201)
        .body("targetUnit", equalTo("C02"));
    try {
      TipReceivedV1 t = tip().type(ScamType.ROMANCE).lost(1_000).build();
      cases.onTip(UUID.randomUUID(), t);
      assertThat(caseOf(db, t.tipId()))
          .containsEntry("unit_code", "C02")
          .containsEntry("rule_id", "R-ROMANCE-TEST");
    } finally {
      given().auth().oauth2(op).delete("/api/v1/admin/rules/R-ROMANCE-TEST").then().statusCode(204);
    }
    given()
        .auth()
        .oauth2(op)
        .get("/api/v1/admin/rules/R-ROMANCE-TEST")
        .then()
        .statusCode(200)
        .body("active", equalTo(false));
  }

  @Test
  void aRuleForAnUnknownUnitIsRefused() {
    given()
        .auth()
        .oauth2(tokens.operator("ops"))
        .contentType(ContentType.JSON)
        .body(
            """
            {"id":"R-BAD","position":1,"description":"x","targetUnit":"NO-SUCH-UNIT"}""")
        .post("/api/v1/admin/rules")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("targetUnit"));
  }

  @Test
  void aDeactivatedUnitsTokensLoseAccess() {
    String unit =
        "{\"code\":\"CAX-24199\",\"name\":\"Công an xã thử\",\"level\":\"COMMUNE\","
            + "\"parentCode\":\"CAT-66\",\"provinceCode\":\"66\",\"communeCode\":\"24199\"}";
    given()
        .auth()
        .oauth2(tokens.operator("ops"))
        .contentType("application/json")
        .body(unit)
        .post("/api/v1/admin/units")
        .then()
        .statusCode(201);
    String officer = tokens.police("CAX-24199");
    given().auth().oauth2(officer).get("/api/v1/cases").then().statusCode(200);

    given()
        .auth()
        .oauth2(tokens.operator("ops"))
        .contentType("application/json")
        .body(unit.replace("}", ",\"active\":false}"))
        .put("/api/v1/admin/units/CAX-24199")
        .then()
        .statusCode(200);

    given()
        .auth()
        .oauth2(officer)
        .get("/api/v1/cases")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", equalTo("unit-inactive"));
    given().auth().oauth2(officer).get("/api/v1/statistics").then().statusCode(403);
    // nor does the watchlist name case references to it
    given()
        .auth()
        .oauth2(officer)
        .queryParam("type", "PHONE")
        .queryParam("value", "+84912345678")
        .get("/api/v1/watchlist/check")
        .then()
        .statusCode(403);
  }
}
