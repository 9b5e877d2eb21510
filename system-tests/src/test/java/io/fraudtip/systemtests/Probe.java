package io.fraudtip.systemtests;

import io.fraudtip.localstack.stack.Service;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One bad request of the bad-input suite and the answer it must get.
 *
 * @param name what is wrong, as the report lists it
 * @param service the service called
 * @param method HTTP method
 * @param path path and query
 * @param token bearer token, or null for none
 * @param contentType the Content-Type sent with a body
 * @param body the body's bytes, or null for none
 * @param headers further request headers
 * @param status the expected status (0 until {@link #expect} names it: every probe must)
 * @param fieldErrors whether the answer must list field errors
 */
record Probe(
    String name,
    Service service,
    String method,
    String path,
    String token,
    String contentType,
    byte[] body,
    Map<String, String> headers,
    int status,
    boolean fieldErrors) {

  static Probe of(Service service, String method, String path) {
    return new Probe(
        method + " " + path, service, method, path, null, null, null, Map.of(), 0, false);
  }

  Probe named(String what) {
    return new Probe(
        method + " " + endpoint() + " | " + what,
        service,
        method,
        path,
        token,
        contentType,
        body,
        headers,
        status,
        fieldErrors);
  }

  Probe token(String bearer) {
    return new Probe(
        name, service, method, path, bearer, contentType, body, headers, status, fieldErrors);
  }

  Probe json(String json) {
    return body("application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  Probe body(String type, byte[] bytes) {
    return new Probe(name, service, method, path, token, type, bytes, headers, status, fieldErrors);
  }

  Probe header(String header, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(header, value);
    return new Probe(
        name,
        service,
        method,
        path,
        token,
        contentType,
        body,
        Map.copyOf(more),
        status,
        fieldErrors);
  }

  /** Expects exactly this status. */
  Probe expect(int expected) {
    return new Probe(
        name, service, method, path, token, contentType, body, headers, expected, fieldErrors);
  }

  /** Expects a 400 naming the bad fields. */
  Probe expectFieldErrors() {
    return new Probe(name, service, method, path, token, contentType, body, headers, 400, true);
  }

  /** The endpoint without its query, with ids replaced, for counting cases per endpoint. */
  String endpoint() {
    String p = path.replaceFirst("\\?.*", "");
    return p.replaceAll(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", "{id}")
        .replaceAll("/not-a-uuid", "/{id}");
  }

  @Override
  public String toString() {
    return service.key() + ": " + name;
  }
}
