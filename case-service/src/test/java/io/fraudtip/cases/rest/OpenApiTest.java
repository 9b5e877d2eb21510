package io.fraudtip.cases.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.fraudtip.testsupport.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class OpenApiTest {
  @Test
  void everyPublicEndpointIsDocumented() {
    given()
        .get("/q/openapi?format=json")
        .then()
        .statusCode(200)
        .body(containsString("/api/v1/cases/{id}/freeze-requests"))
        .body(containsString("/api/v1/watchlist/check"))
        .body(containsString("/api/v1/disputes"))
        .body(containsString("/api/v1/statistics"))
        .body(containsString("/api/v1/admin/rules"))
        .body(containsString("/api/v1/cases/legal-clock"))
        .body(containsString("/api/v1/cases/{id}/legal-clock/complex"))
        .body(containsString("/api/v1/cases/{id}/legal-clock/extension"))
        .body(containsString("/api/v1/admin/allow-list"))
        .body(containsString("/api/v1/cases/{id}/holds/{holdId}/extension"))
        .body(containsString("/api/v1/cases/{id}/holds/{holdId}/lift"))
        .body(containsString("/api/v1/cases/{id}/identifiers"))
        .body(containsString("/api/v1/cases/{id}/merge"))
        .body(containsString("/api/v1/cases/{id}/split"))
        .body(containsString("split-all-tips"))
        .body(containsString("medianSecondsToBankAnswer"));
  }
}
