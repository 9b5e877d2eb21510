package io.fraudtip.cases.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectTokens;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CaseResourceTest {
  @InjectTokens Tokens tokens;
  @InjectDatabase TestDatabase db;

  @Test
  void aUnitReadsTheCasesStoredForIt() {
    UUID id = UUID.randomUUID();
    db.update(
        "INSERT INTO fraud_case (id, reference, status, unit_code, opened_at, updated_at)"
            + " VALUES (?, ?, 'ASSIGNED', 'TEST-UNIT-1', ?, ?)",
        id,
        "VN-TEST-" + id.toString().substring(0, 4),
        java.sql.Timestamp.from(Instant.now()),
        java.sql.Timestamp.from(Instant.now()));

    given()
        .auth()
        .oauth2(tokens.police("TEST-UNIT-1"))
        .get("/api/v1/cases")
        .then()
        .statusCode(200)
        .body("size()", equalTo(1))
        .body("[0].id", equalTo(id.toString()));
    given()
        .auth()
        .oauth2(tokens.police("TEST-UNIT-2"))
        .get("/api/v1/cases")
        .then()
        .statusCode(200)
        .body("size()", equalTo(0));
  }

  @Test
  void theCasesNeedAValidPoliceToken() {
    given().get("/api/v1/cases").then().statusCode(401);
    given().auth().oauth2(Tokens.forged()).get("/api/v1/cases").then().statusCode(401);
    given().auth().oauth2(tokens.bank("970436")).get("/api/v1/cases").then().statusCode(403);
  }
}
