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

  /**
   * The tree stays one tree and rules stay satisfiable: a unit is not cut loose from its parent by
   * a PUT that leaves the parent out, nor placed below a lower level; a rule's list of scam types
   * takes no empty item (a 500 before) and no range that matches nothing.
   */
  @Test
  void editsThatWouldBreakTheTreeOrARuleAreRefusedNamingTheField() {
    admin("PUT", "/api/v1/admin/units/CAT-66", "{\"name\":\"Công an tỉnh\",\"level\":\"PROVINCE\"}")
        .statusCode(400)
        .body("errors[0].field", equalTo("parentCode"))
        .body("errors[0].code", equalTo("unit.parent-required"));
    admin(
            "POST",
            "/api/v1/admin/units",
            "{\"code\":\"CAX-24198\",\"name\":\"Công an xã\",\"level\":\"COMMUNE\"}")
        .statusCode(400)
        .body("errors[0].code", equalTo("unit.parent-required"));
    admin(
            "POST",
            "/api/v1/admin/units",
            "{\"code\":\"X-MIN\",\"name\":\"Cục\",\"level\":\"MINISTRY\","
                + "\"parentCode\":\"CAX-24133\"}")
        .statusCode(400)
        .body("errors[0].field", equalTo("level"));
    assertThat(db.queryLong("SELECT count(*) FROM police_unit WHERE parent_code = 'BCA'"))
        .isGreaterThan(2);
    assertThat(db.query("SELECT parent_code FROM police_unit WHERE code = 'CAT-66'").get(0))
        .containsEntry("parent_code", "BCA");

    admin(
            "POST",
            "/api/v1/admin/rules",
            "{\"id\":\"R-NULL\",\"position\":1,\"description\":\"x\",\"targetUnit\":\"A05\","
                + "\"scamTypes\":[null]}")
        .statusCode(400);
    admin(
            "POST",
            "/api/v1/admin/rules",
            "{\"id\":\"R-RANGE\",\"position\":1,\"description\":\"x\",\"targetUnit\":\"A05\","
                + "\"minTotalLossVnd\":10,\"maxTotalLossVnd\":5}")
        .statusCode(400)
        .body("errors[0].field", equalTo("maxTotalLossVnd"));
    String many = String.join(",", java.util.Collections.nCopies(20, "\"INVESTMENT_CRYPTO\""));
    admin(
            "POST",
            "/api/v1/admin/rules",
            "{\"id\":\"R-DUP\",\"position\":999,\"description\":\"x\",\"targetUnit\":\"A05\","
                + "\"active\":false,\"scamTypes\":["
                + many
                + "]}")
        .statusCode(201)
        .body("scamTypes", equalTo(java.util.List.of("INVESTMENT_CRYPTO")));
    assertThat(db.queryLong("SELECT count(*) FROM routing_rule WHERE id IN ('R-NULL', 'R-RANGE')"))
        .isZero();
  }

  private io.restassured.response.ValidatableResponse admin(
      String method, String path, String body) {
    return given()
        .auth()
        .oauth2(tokens.operator("ops"))
        .contentType(ContentType.JSON)
        .body(body)
        .request(method, path)
        .then();
  }
}
