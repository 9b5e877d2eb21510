package io.fraudtip.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.tips.ScamType;
import io.fraudtip.testsupport.OpenApiChecks;
import io.fraudtip.testsupport.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The published API document: every field described, enums listed, errors and a real example. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class OpenApiTest {
  private static final List<String> SCHEMAS =
      List.of(
          "TipSubmission",
          "Reporter",
          "Location",
          "Transfer",
          "Scammer",
          "BankAccount",
          "SocialAccount",
          "TipReceipt",
          "TipTracking",
          "TipStep",
          "Problem",
          "FieldError");

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
  void everyFieldOfTheTipApiIsDescribed() throws Exception {
    JsonNode api = openApi();
    JsonNode schemas = api.at("/components/schemas");
    for (String name : SCHEMAS) {
      JsonNode properties = schemas.path(name).path("properties");
      assertThat(properties.isObject()).as(name + " is documented").isTrue();
      properties
          .fields()
          .forEachRemaining(
              p ->
                  assertThat(p.getValue().path("description").asText())
                      .as(name + "." + p.getKey() + " has a description")
                      .isNotBlank());
    }
    assertThat(names(schemas.at("/TipSubmission/properties")))
        .contains(
            "channel",
            "reporter",
            "location",
            "occurredAt",
            "scamType",
            "description",
            "amountLostVnd",
            "transfers",
            "scammer");
    assertThat(text(schemas.at("/TipSubmission/required")))
        .contains("channel", "location", "occurredAt", "scamType", "description");
  }

  @Test
  void enumsAreListed() throws Exception {
    JsonNode schemas = openApi().at("/components/schemas");
    assertThat(text(schemas.at("/ScamType/enum")))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(ScamType.values()).map(Enum::name).toList());
    assertThat(text(schemas.at("/Channel/enum")))
        .containsExactlyInAnyOrder("MOBILE_APP", "WEB", "HOTLINE", "CHATBOT", "OTHER");
    assertThat(text(schemas.at("/SocialPlatform/enum"))).contains("ZALO", "FACEBOOK", "TELEGRAM");
    assertThat(text(schemas.at("/TipStatus/enum")))
        .containsExactly("RECEIVED", "ASSIGNED", "IN_PROGRESS", "CLOSED");
  }

  @Test
  void submissionDocumentsItsErrorsHeadersAndAVietnameseExample() throws Exception {
    JsonNode post = openApi().at("/paths/~1api~1v1~1tips/post");
    assertThat(names(post.path("responses"))).contains("202", "400", "409", "413", "422", "429");
    assertThat(post.at("/responses/400/content/application~1problem+json/schema/$ref").asText())
        .endsWith("/Problem");
    assertThat(post.at("/responses/429/headers/Retry-After").isMissingNode()).isFalse();
    // Every error answer shows what it looks like.
    for (String status : List.of("400", "409", "413", "422", "429", "503")) {
      assertThat(post.at("/responses/" + status + "/content/application~1problem+json/examples"))
          .as(status)
          .isNotEmpty();
    }
    JsonNode track = openApi().at("/paths/~1api~1v1~1tips~1{trackingCode}/get/responses");
    assertThat(track.at("/200/content/application~1json/examples")).isNotEmpty();
    assertThat(track.at("/404/content/application~1problem+json/examples")).isNotEmpty();
    assertThat(text(post.path("parameters").findValues("name")))
        .contains("Idempotency-Key", "Accept-Language");
    JsonNode example =
        post.at("/requestBody/content/application~1json/examples/fake-police-call/value");
    String exampleText = example.isTextual() ? example.asText() : example.toString();
    assertThat(exampleText).contains("Công an tỉnh Đắk Lắk", "IMPERSONATION_AUTHORITY");
    // The example is a tip the API accepts (TipValidationTest posts it too).
    JsonNode tip = example.isTextual() ? Json.events().readTree(exampleText) : example;
    assertThat(tip.path("location").path("provinceCode").asText()).isEqualTo("66");
  }

  private static JsonNode openApi() throws Exception {
    String body =
        given()
            .queryParam("format", "json")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    return Json.events().readTree(body);
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    if (node.isObject()) {
      node.fieldNames().forEachRemaining(names::add);
    }
    return names;
  }

  private static List<String> text(JsonNode node) {
    List<String> values = new java.util.ArrayList<>();
    node.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static List<String> text(List<JsonNode> nodes) {
    return nodes.stream().map(JsonNode::asText).toList();
  }
}
