package io.fraudtip.notification.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fraudtip.testsupport.OpenApiChecks;
import io.fraudtip.testsupport.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
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
  void everyOperationDocumentsTheQuotaOfItsCallersToken() {
    JsonPath api =
        given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
    Map<String, Map<String, Map<String, Object>>> paths = api.getMap("paths");
    int operations = 0;
    int unlimited = 0;
    for (var path : paths.entrySet()) {
      if (!path.getKey().startsWith("/api/")) {
        continue;
      }
      for (var operation : path.getValue().entrySet()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> op = (Map<String, Object>) operation.getValue();
        @SuppressWarnings("unchecked")
        Map<String, Object> responses = (Map<String, Object>) op.get("responses");
        String named = operation.getKey() + " " + path.getKey();
        if ("none".equals(op.get("x-quota"))) {
          // Operators' requests are not counted: no 429 to document.
          assertThat(responses).as(named).doesNotContainKey("429");
          unlimited++;
          continue;
        }
        assertThat(responses).as(named).containsKey("429");
        operations++;
      }
    }
    assertThat(operations).isGreaterThan(10);
    assertThat(unlimited).as("the operators' notices").isPositive();
  }

  @Test
  void theEndpointLimitAndTheBodyLimitAreDocumented() {
    JsonPath api =
        given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
    assertThat(api.getMap("paths.'/api/v1/endpoints'.post.responses"))
        .containsKeys("201", "400", "409", "413", "429");
    assertThat(api.getMap("paths.'/api/v1/endpoints/{id}'.patch.responses"))
        .containsKeys("200", "400", "404", "409", "413");
    assertThat(api.getMap("paths.'/api/v1/deliveries/replay'.post.responses"))
        .containsKeys("202", "400", "404");
  }
}
