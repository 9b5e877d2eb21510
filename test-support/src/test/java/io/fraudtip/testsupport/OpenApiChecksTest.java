package io.fraudtip.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks on made-up documents: each finds what it looks for and passes what is complete. */
class OpenApiChecksTest {
  private static final String COMPLETE =
      """
      {"paths": {"/things/{id}": {"post": {
        "parameters": [
          {"name": "id", "in": "path", "schema": {"$ref": "#/components/schemas/UUID"}},
          {"name": "page", "in": "query",
           "schema": {"allOf": [{"$ref": "#/components/schemas/Page"}, {"default": 0}]}}],
        "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
        "responses": {
          "201": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
          "204": {"description": "none"},
          "404": {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}},
        "security": [{"jwt": []}]}}},
       "components": {
        "securitySchemes": {"jwt": {"type": "http"}},
        "schemas": {
         "UUID": {"type": "string", "format": "uuid", "examples": ["0b6e4d2a-8f3c-4a71-9d5e-1c2f3a4b5c6d"]},
         "Page": {"type": "integer"},
         "Problem": {"type": "object", "properties": {"status": {"type": "integer", "example": 404}}},
         "Thing": {"type": "object", "properties": {
           "id": {"$ref": "#/components/schemas/UUID"},
           "name": {"type": "string", "example": "a"},
           "done": {"type": "boolean"},
           "tags": {"type": "array", "items": {"type": "string"}, "example": ["x"]},
           "parts": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}},
           "file": {"type": "string", "format": "binary"}}}}}}
      """;

  @Test
  void aCompleteDocumentHasNothingToSay() throws Exception {
    Map<String, Object> document = parse(COMPLETE);
    assertThat(OpenApiChecks.undocumented(document)).isEmpty();
    assertThat(OpenApiChecks.errorAnswersNotProblems(document)).isEmpty();
    assertThat(OpenApiChecks.securityRequirementsWithoutScheme(document)).isEmpty();
  }

  @Test
  void eachGapIsNamed() throws Exception {
    String gaps =
        COMPLETE
            .replace("\"examples\": [\"0b6e4d2a-8f3c-4a71-9d5e-1c2f3a4b5c6d\"]", "\"x\": 1")
            .replace("{\"default\": 0}", "{}")
            .replace("\"example\": \"a\"", "\"x\": 1")
            .replace(
                "\"201\": {\"content\": {\"application/json\": {\"schema\":"
                    + " {\"$ref\": \"#/components/schemas/Thing\"}}}}",
                "\"201\": {\"description\": \"created\"}, \"202\": {\"content\": {}},"
                    + " \"200\": {\"content\": {\"application/json\": {\"schema\":"
                    + " {\"type\": \"object\", \"description\": \"a map\"}}}}")
            .replace("\"schema\": {\"$ref\": \"#/components/schemas/Problem\"}", "\"x\": 1")
            .replace("\"security\": [{\"jwt\": []}]", "\"security\": [{\"SecurityScheme\": []}]");
    Map<String, Object> document = parse(gaps);
    assertThat(OpenApiChecks.undocumented(document))
        .containsExactlyInAnyOrder(
            "no schema: POST /things/{id} 200 application/json",
            "no schema: POST /things/{id} 201",
            "no schema: POST /things/{id} 202",
            "no example: POST /things/{id} .id",
            "no example: POST /things/{id} .name",
            "no example: parameter POST /things/{id} id",
            "no example: parameter POST /things/{id} page",
            "no example: Thing.id",
            "no example: Thing.name",
            "not a problem: POST /things/{id} 404",
            "no scheme: POST /things/{id} SecurityScheme");
    assertThat(OpenApiChecks.errorAnswersNotProblems(document))
        .containsExactly("POST /things/{id} 404");
    assertThat(OpenApiChecks.securityRequirementsWithoutScheme(document))
        .containsExactly("POST /things/{id} SecurityScheme");
  }

  /** Every API operation names its token's answers: 401, and 403 where a token is needed. */
  @Test
  void tokenAnswersAreNamed() throws Exception {
    Map<String, Object> document =
        parse(
            """
            {"paths": {
              "/api/v1/a": {"get": {"responses": {"200": {}, "401": {}}, "security": [{"jwt": []}]}},
              "/api/v1/b": {"get": {"responses": {"200": {}}}},
              "/api/v1/c": {"get": {"responses": {"401": {}, "403": {}}, "security": [{"jwt": []}]}},
              "/q/health": {"get": {"responses": {"200": {}}}}}}
            """);
    assertThat(OpenApiChecks.tokenAnswersMissing(document))
        .containsExactlyInAnyOrder("GET /api/v1/a 403", "GET /api/v1/b 401");
  }

  private static Map<String, Object> parse(String json) throws Exception {
    return new ObjectMapper().readValue(json, new TypeReference<Map<String, Object>>() {});
  }
}
