package io.fraudtip.testsupport;

import io.restassured.RestAssured;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

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
    forEachOperation(
        document,
        (where, op) -> {
          Map<String, Object> responses = (Map<String, Object>) op.get("responses");
          for (var answer : responses.entrySet()) {
            String status = answer.getKey();
            if (!status.startsWith("4") && !status.startsWith("5")) {
              continue;
            }
            Object ref = at((Map<String, Object>) answer.getValue(), "content", PROBLEM, "schema");
            if (!hasProblem
                || !(ref instanceof Map<?, ?> schema)
                || !PROBLEM_SCHEMA.equals(schema.get("$ref"))) {
              wrong.add(where + " " + status);
            }
          }
        });
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
    forEachOperation(document, (where, op) -> undefined(op.get("security"), schemes, where, wrong));
    return wrong;
  }

  /**
   * The API operations (under /api/) that do not document the answers their bearer token may get,
   * each as "METHOD path status": 401 for every one (a token missing where one is needed, or sent
   * and not valid), 403 for those that need a token.
   */
  public static List<String> tokenAnswersMissing(Map<String, Object> document) {
    List<String> missing = new ArrayList<>();
    forEachOperation(
        document,
        (where, op) -> {
          if (!where.contains(" /api/")) {
            return;
          }
          Object responses = op.get("responses");
          Map<?, ?> answers = responses instanceof Map<?, ?> m ? m : Map.of();
          if (!answers.containsKey("401")) {
            missing.add(where + " 401");
          }
          boolean secured = op.get("security") instanceof List<?> l && !l.isEmpty();
          if (secured && !answers.containsKey("403")) {
            missing.add(where + " 403");
          }
        });
    return missing;
  }

  /**
   * Everything the document leaves a client to guess, each prefixed by what is missing: bodies
   * without a schema ({@link #contentWithoutSchema}), error answers not given as problems ({@link
   * #errorAnswersNotProblems}), security requirements naming no scheme ({@link
   * #securityRequirementsWithoutScheme}), token answers not documented ({@link
   * #tokenAnswersMissing}), and request fields, parameters and schema fields without an example
   * ({@link #requestFieldsWithoutExample}, {@link #parametersWithoutExample}, {@link
   * #schemaFieldsWithoutExample}).
   */
  public static List<String> undocumented(Map<String, Object> document) {
    List<String> gaps = new ArrayList<>();
    errorAnswersNotProblems(document).forEach(g -> gaps.add("not a problem: " + g));
    securityRequirementsWithoutScheme(document).forEach(g -> gaps.add("no scheme: " + g));
    tokenAnswersMissing(document).forEach(g -> gaps.add("no token answer: " + g));
    contentWithoutSchema(document).forEach(g -> gaps.add("no schema: " + g));
    requestFieldsWithoutExample(document).forEach(g -> gaps.add("no example: " + g));
    parametersWithoutExample(document).forEach(g -> gaps.add("no example: parameter " + g));
    schemaFieldsWithoutExample(document).forEach(g -> gaps.add("no example: " + g));
    return gaps;
  }

  /**
   * The request bodies and success answers (2xx) whose content has no schema, an empty one or a
   * bare object (a map, its fields unnamed), each as "METHOD path request|status media-type"; and
   * the success answers other than 204 that document no content at all, as "METHOD path status": a
   * client generator then knows nothing of the body.
   */
  @SuppressWarnings("unchecked")
  public static List<String> contentWithoutSchema(Map<String, Object> document) {
    List<String> wrong = new ArrayList<>();
    forEachOperation(
        document,
        (where, op) -> {
          for (var content : contents(op).entrySet()) {
            Map<String, Object> schema = resolve(document, content.getValue().get("schema"));
            if (schema == null || schema.isEmpty() || isBareObject(schema)) {
              wrong.add(where + " " + content.getKey());
            }
          }
          for (var answer : ((Map<String, Object>) op.get("responses")).entrySet()) {
            String status = answer.getKey();
            Map<String, Object> response = (Map<String, Object>) answer.getValue();
            if (status.startsWith("2")
                && !status.equals("204")
                && !response.containsKey("$ref")
                && !(response.get("content") instanceof Map<?, ?> media && !media.isEmpty())) {
              wrong.add(where + " " + status);
            }
          }
        });
    return wrong;
  }

  /**
   * The fields of the request bodies a caller fills in that have no example (nor an enumeration of
   * their values), each as "METHOD path .field": Swagger UI would offer "string" or 0 there. A body
   * given whole as an example of its media type, and an uploaded file, need none.
   */
  @SuppressWarnings("unchecked")
  public static List<String> requestFieldsWithoutExample(Map<String, Object> document) {
    List<String> wrong = new ArrayList<>();
    forEachOperation(
        document,
        (where, op) -> {
          Object content = at(op, "requestBody", "content");
          if (!(content instanceof Map<?, ?> media)) {
            return;
          }
          for (var type : ((Map<String, Object>) media).entrySet()) {
            Map<String, Object> body = (Map<String, Object>) type.getValue();
            if (!hasExample(body)) {
              fieldsWithoutExample(document, body.get("schema"), where + " ", Set.of(), wrong);
            }
          }
        });
    return wrong;
  }

  /**
   * The fields of the document's schemas (bodies sent and answered) that show no value: no example,
   * enumeration or default of their own or of the schema they name, each as "Schema.field". A field
   * that is an object of a named schema, a list of such objects, a yes/no or a file is left to its
   * own schema.
   */
  @SuppressWarnings("unchecked")
  public static List<String> schemaFieldsWithoutExample(Map<String, Object> document) {
    List<String> wrong = new ArrayList<>();
    Object schemas = at(document, "components", "schemas");
    if (!(schemas instanceof Map<?, ?> named)) {
      return wrong;
    }
    for (var schema : ((Map<String, Object>) named).entrySet()) {
      if (!(at((Map<String, Object>) schema.getValue(), "properties")
          instanceof Map<?, ?> properties)) {
        continue;
      }
      for (var property : ((Map<String, Object>) properties).entrySet()) {
        Object field = property.getValue();
        if (!(field instanceof Map<?, ?> own) || hasExample((Map<String, Object>) own)) {
          continue;
        }
        Map<String, Object> resolved = resolve(document, field);
        Object items = resolved == null ? null : resolved.get("items");
        Map<String, Object> shown = items == null ? resolved : resolve(document, items);
        if (shown == null
            || !(hasExample(document, shown)
                || shown.containsKey("properties")
                || "boolean".equals(shown.get("type"))
                || "binary".equals(shown.get("format")))) {
          wrong.add(schema.getKey() + "." + property.getKey());
        }
      }
    }
    return wrong;
  }

  /**
   * The parameters (path, query, header) that have no example, nor their schema one or an
   * enumeration, each as "METHOD path name".
   */
  @SuppressWarnings("unchecked")
  public static List<String> parametersWithoutExample(Map<String, Object> document) {
    List<String> wrong = new ArrayList<>();
    forEachOperation(
        document,
        (where, op) -> {
          if (!(op.get("parameters") instanceof List<?> parameters)) {
            return;
          }
          for (Object p : parameters) {
            Map<String, Object> parameter = (Map<String, Object>) p;
            if (!hasExample(parameter) && !hasExample(document, parameter.get("schema"))) {
              wrong.add(where + " " + parameter.get("name"));
            }
          }
        });
    return wrong;
  }

  @SuppressWarnings("unchecked")
  private static void fieldsWithoutExample(
      Map<String, Object> document,
      Object node,
      String field,
      Set<String> seen,
      List<String> wrong) {
    if (node instanceof Map<?, ?> map && map.get("$ref") instanceof String ref) {
      if (seen.contains(ref)) {
        return;
      }
      seen = with(seen, ref);
    }
    Map<String, Object> schema = resolve(document, node);
    if (schema == null) {
      wrong.add(field);
      return;
    }
    if (hasExample(schema) || "binary".equals(schema.get("format"))) {
      return;
    }
    boolean combined = false;
    for (String combination : List.of("allOf", "oneOf", "anyOf")) {
      if (schema.get(combination) instanceof List<?> parts) {
        combined = true;
        for (Object part : parts) {
          fieldsWithoutExample(document, part, field, seen, wrong);
        }
      }
    }
    if (combined && !schema.containsKey("properties")) {
      return;
    }
    if (schema.get("items") != null) {
      fieldsWithoutExample(document, schema.get("items"), field + "[]", seen, wrong);
    } else if (schema.get("properties") instanceof Map<?, ?> properties) {
      for (var property : ((Map<String, Object>) properties).entrySet()) {
        fieldsWithoutExample(
            document, property.getValue(), field + "." + property.getKey(), seen, wrong);
      }
    } else if (!"boolean".equals(schema.get("type"))) {
      wrong.add(field);
    }
  }

  /** Whether a schema is an object whose fields it does not name (a map of anything). */
  private static boolean isBareObject(Map<String, Object> schema) {
    return "object".equals(schema.get("type"))
        && Stream.of("properties", "additionalProperties", "allOf", "oneOf", "anyOf")
            .noneMatch(schema::containsKey);
  }

  /** Whether the node gives a value to show: an example, the values it takes, or its default. */
  private static boolean hasExample(Map<String, Object> node) {
    return node.containsKey("example")
        || node.containsKey("examples")
        || node.containsKey("enum")
        || node.containsKey("default");
  }

  /** Whether the schema, or one of the schemas it is all of, gives a value to show. */
  private static boolean hasExample(Map<String, Object> document, Object node) {
    Map<String, Object> schema = resolve(document, node);
    if (schema == null) {
      return false;
    }
    if (hasExample(schema)) {
      return true;
    }
    return schema.get("allOf") instanceof List<?> parts
        && parts.stream().anyMatch(part -> hasExample(document, part));
  }

  /** The schema itself, a reference to the document's components followed. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> resolve(Map<String, Object> document, Object node) {
    Object current = node;
    for (int hops = 0; hops < 10 && current instanceof Map<?, ?> map; hops++) {
      if (!(map.get("$ref") instanceof String ref)) {
        return (Map<String, Object>) map;
      }
      current = at(document, "components", "schemas", ref.substring(ref.lastIndexOf('/') + 1));
    }
    return null;
  }

  private static Set<String> with(Set<String> set, String more) {
    Set<String> bigger = new HashSet<>(set);
    bigger.add(more);
    return bigger;
  }

  /** The request body's and the success answers' contents, by "request|status media-type". */
  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> contents(Map<String, Object> op) {
    Map<String, Map<String, Object>> found = new LinkedHashMap<>();
    if (at(op, "requestBody", "content") instanceof Map<?, ?> request) {
      ((Map<String, Object>) request)
          .forEach((type, c) -> found.put("request " + type, (Map<String, Object>) c));
    }
    if (op.get("responses") instanceof Map<?, ?> responses) {
      for (var answer : ((Map<String, Object>) responses).entrySet()) {
        if (answer.getKey().startsWith("2")
            && at((Map<String, Object>) answer.getValue(), "content") instanceof Map<?, ?> c) {
          ((Map<String, Object>) c)
              .forEach(
                  (type, m) -> found.put(answer.getKey() + " " + type, (Map<String, Object>) m));
        }
      }
    }
    return found;
  }

  /** Each operation of the document with its "METHOD path". */
  @SuppressWarnings("unchecked")
  private static void forEachOperation(
      Map<String, Object> document, BiConsumer<String, Map<String, Object>> action) {
    Map<String, Object> paths = (Map<String, Object>) document.get("paths");
    for (var path : paths.entrySet()) {
      for (var operation : ((Map<String, Object>) path.getValue()).entrySet()) {
        if (operation.getValue() instanceof Map<?, ?> op && op.containsKey("responses")) {
          action.accept(
              operation.getKey().toUpperCase() + " " + path.getKey(), (Map<String, Object>) op);
        }
      }
    }
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
