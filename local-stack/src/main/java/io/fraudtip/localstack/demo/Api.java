package io.fraudtip.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.fraudtip.contracts.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A small JSON client of the platform's REST APIs, on the JDK's HTTP client: what a script (or a
 * police unit's or a bank's system) does with {@code curl}.
 */
public final class Api {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  /**
   * One answer.
   *
   * @param status the HTTP status
   * @param headers the first value of each header, names in lower case
   * @param body the raw body
   */
  public record Answer(int status, Map<String, String> headers, String body) {
    /** The body as JSON ({@link MissingNode} when it is not JSON). */
    public JsonNode json() {
      try {
        return body == null || body.isBlank()
            ? MissingNode.getInstance()
            : Json.events().readTree(body);
      } catch (IOException e) {
        return MissingNode.getInstance();
      }
    }

    /** A header's first value. */
    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    /** This answer when its status is the expected one; otherwise a {@link StoryFailure}. */
    public Answer expect(int expected, String what) {
      if (status != expected) {
        throw new StoryFailure(
            what + ": expected HTTP " + expected + " but got " + status + " " + abbreviate(body));
      }
      return this;
    }

    private static String abbreviate(String s) {
      return s == null || s.length() <= 600 ? s : s.substring(0, 600) + "...";
    }
  }

  /** {@code GET url} with an optional bearer token. */
  public Answer get(String url, String token) {
    return get(url, token, Map.of());
  }

  /** {@code GET url} with an optional bearer token and extra headers. */
  public Answer get(String url, String token, Map<String, String> headers) {
    return send(request(url, token, headers).GET());
  }

  /** {@code POST url} of a JSON body with an optional bearer token and extra headers. */
  public Answer post(String url, String token, Map<String, String> headers, Object body) {
    String json = body instanceof String s ? s : Json.write(body);
    return send(
        request(url, token, headers)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private static HttpRequest.Builder request(
      String url, String token, Map<String, String> headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Accept", "*/*");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    headers.forEach(b::setHeader);
    return b;
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      Map<String, String> headers = new LinkedHashMap<>();
      r.headers()
          .map()
          .forEach(
              (k, v) -> {
                if (!v.isEmpty()) {
                  headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0));
                }
              });
      return new Answer(r.statusCode(), headers, r.body());
    } catch (IOException e) {
      throw new StoryFailure("could not reach " + request.build().uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoryFailure("interrupted", e);
    }
  }
}
