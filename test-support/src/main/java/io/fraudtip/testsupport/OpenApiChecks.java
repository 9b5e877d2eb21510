package io.fraudtip.testsupport;

import io.restassured.RestAssured;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks on a service's OpenAPI document, read as a client generator or a bank's developer would.
 */
public final class OpenApiChecks {
  private static final String PROBLEM = "application/problem+json";
  private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

  private OpenApiChecks() {}

  /** The document the service under test serves ({@code /q/openapi?format=json}), parsed. */
  public static Map<String, Object> served() {
    return RestAssured.given()
        .get("/q/openapi?format=json")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getMap("$");
  }

  /**
   * The error answers (4xx, 5xx) the document names that it does not give as a problem ({@code
   * application/problem+json} of the document's own {@code Problem} schema), each as "METHOD path
   * status"; all of them when the document has no Problem schema.
   *
   * @param document the document as parsed JSON ({@code /q/openapi?format=json})
   */
  @SuppressWarnings("unchecked")
  public static List<String> errorAnswersNotProblems(Map<String, Object> document) {
    Map<String, Object> schemas = (Map<String, Object>) at(document, "components", "schemas");
    boolean hasProblem = schemas != null && schemas.containsKey("Problem");
    List<String> wrong = new ArrayList<>();
    Map<String, Object> paths = (Map<String, Object>) document.get("paths");
    for (var path : paths.entrySet()) {
      for (var operation : ((Map<String, Object>) path.getValue()).entrySet()) {
        if (!(operation.getValue() instanceof Map<?, ?> op)) {
          continue;
        }
        Map<String, Object> responses = (Map<String, Object>) op.get("responses");
        if (responses == null) {
          continue;
        }
        for (var answer : responses.entrySet()) {
          String status = answer.getKey();
          if (!status.startsWith("4") && !status.startsWith("5")) {
            continue;
          }
          Object ref = at((Map<String, Object>) answer.getValue(), "content", PROBLEM, "schema");
          if (!hasProblem
              || !(ref instanceof Map<?, ?> schema)
              || !PROBLEM_SCHEMA.equals(schema.get("$ref"))) {
            wrong.add(operation.getKey().toUpperCase() + " " + path.getKey() + " " + status);
          }
        }
      }
    }
    return wrong;
  }

  /**
   * The security requirements (the document's and its operations') that name a scheme the document
   * does not define, each as "METHOD path scheme" ("document scheme" for the document's own): a
   * client generator or Swagger UI sends no token for them.
   */
  @SuppressWarnings("unchecked")
  public static List<String> securityRequirementsWithoutScheme(Map<String, Object> document) {
    Object defined = at(document, "components", "securitySchemes");
    Map<String, Object> schemes =
        defined instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    List<String> wrong = new ArrayList<>();
    undefined(document.get("security"), schemes, "document", wrong);
    Map<String, Object> paths = (Map<String, Object>) document.get("paths");
    for (var path : paths.entrySet()) {
      for (var operation : ((Map<String, Object>) path.getValue()).entrySet()) {
        if (operation.getValue() instanceof Map<?, ?> op) {
          undefined(
              op.get("security"),
              schemes,
              operation.getKey().toUpperCase() + " " + path.getKey(),
              wrong);
        }
      }
    }
    return wrong;
  }

  private static void undefined(
      Object requirements, Map<String, Object> schemes, String where, List<String> wrong) {
    if (!(requirements instanceof List<?> list)) {
      return;
    }
    for (Object requirement : list) {
      if (requirement instanceof Map<?, ?> named) {
        for (Object scheme : named.keySet()) {
          if (!schemes.containsKey(scheme)) {
            wrong.add(where + " " + scheme);
          }
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Object at(Map<String, Object> node, String... keys) {
    Object current = node;
    for (String key : keys) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = ((Map<String, Object>) map).get(key);
    }
    return current;
  }
}
