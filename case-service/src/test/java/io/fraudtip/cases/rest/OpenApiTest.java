package io.fraudtip.cases.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.fraudtip.testsupport.OpenApiChecks;
import io.fraudtip.testsupport.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class OpenApiTest {
  /**
   * The document leaves a client nothing to guess: every body sent or answered has a schema, every
   * error answer is the problem+json it is sent as, every token requirement names the document's
   * scheme, and every field and parameter has an example (what Swagger UI offers to try is a
   * request this service takes).
   */
  @Test
  void theDocumentLeavesAClientNothingToGuess() {
    assertThat(OpenApiChecks.undocumented(OpenApiChecks.served())).isEmpty();
  }

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

  /** The police API's changes answer the case and its new ETag: documented as such, each one. */
  @Test
  void everyChangeOfACaseDocumentsTheCaseItAnswersAndItsETag() {
    var api = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
    for (String change :
        java.util.List.of(
            "acknowledge",
            "transitions",
            "notes",
            "transfer",
            "freeze-requests",
            "close",
            "reopen")) {
      String at = "paths.'/api/v1/cases/{id}/" + change + "'.post.responses";
      org.assertj.core.api.Assertions.assertThat(
              api.getString(at + ".'200'.content.'application/json'.schema.$ref"))
          .as(change)
          .endsWith("/CaseDetail");
      org.assertj.core.api.Assertions.assertThat(api.getMap(at + ".'200'.headers"))
          .as(change)
          .containsKey("ETag");
      org.assertj.core.api.Assertions.assertThat(api.getMap(at))
          .as(change)
          .containsKeys("404", "412", "428");
    }
  }

  /** Quotas and the body limit apply to every operation: each documents them (SPEC §10). */
  @Test
  void everyOperationDocumentsItsQuotaAndEveryBodyItsLimit() {
    var api = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
    String check = "paths.'/api/v1/watchlist/check'";
    org.assertj.core.api.Assertions.assertThat(api.getMap(check + ".get.responses"))
        .containsKeys("200", "400", "429");
    org.assertj.core.api.Assertions.assertThat(
            api.getString(check + ".get.responses.'429'.headers.'Retry-After'.description"))
        .isNotBlank();
    org.assertj.core.api.Assertions.assertThat(api.getMap(check + ".post.responses"))
        .containsKeys("200", "400", "413", "429");
    org.assertj.core.api.Assertions.assertThat(
            api.getString(
                check + ".post.responses.'413'.content.'application/problem+json'.schema.$ref"))
        .endsWith("/Problem");
    // Operators' requests are not counted: their operations document no 429, but the body limit.
    org.assertj.core.api.Assertions.assertThat(
            api.getMap("paths.'/api/v1/admin/allow-list'.post.responses"))
        .containsKey("413")
        .doesNotContainKey("429");
    org.assertj.core.api.Assertions.assertThat(
            api.getString("paths.'/api/v1/admin/allow-list'.post.x-quota"))
        .isEqualTo("none");
  }
}
