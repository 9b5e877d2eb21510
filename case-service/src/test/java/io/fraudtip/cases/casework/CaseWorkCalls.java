package io.fraudtip.cases.casework;

import static io.restassured.RestAssured.given;

import io.fraudtip.localstack.security.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;

/** The police API calls of the case-work tests. */
final class CaseWorkCalls {
  private CaseWorkCalls() {}

  /** The case's ETag, as the unit reads it. */
  static String etag(Tokens tokens, String unit, UUID id) {
    return given()
        .auth()
        .oauth2(tokens.police(unit))
        .get("/api/v1/cases/" + id)
        .then()
        .statusCode(200)
        .extract()
        .header("ETag");
  }

  /** POST /api/v1/cases/{id}/{action} as the unit, with the ETag in If-Match unless null. */
  static Response post(
      Tokens tokens, String unit, UUID id, String action, String etag, String body) {
    var request = given().auth().oauth2(tokens.police(unit)).contentType(ContentType.JSON);
    if (etag != null) {
      request = request.header("If-Match", etag);
    }
    return request.body(body).post("/api/v1/cases/" + id + "/" + action);
  }

  static String merge(UUID other, String reason) {
    return "{\"caseId\":\"" + other + "\",\"reason\":\"" + reason + "\"}";
  }

  static String split(List<UUID> tips, String reason) {
    return "{\"tipIds\":["
        + String.join(",", tips.stream().map(t -> "\"" + t + "\"").toList())
        + "],\"reason\":\""
        + reason
        + "\"}";
  }

  static String phone(String value, String reason) {
    return "{\"type\":\"PHONE\",\"value\":\"" + value + "\",\"reason\":\"" + reason + "\"}";
  }
}
