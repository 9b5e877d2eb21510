package io.fraudtip.commons.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Answers a request whose address is not a valid URI (a {@code %} not followed by two hexadecimal
 * digits, a {@code |} or {@code "} left unencoded) with a problem+json 400 that names the query
 * parameter holding it. It is Quarkus's own check, {@code new URI(uri)}, which Quarkus answers with
 * a bare 400 and no body; {@link io.fraudtip.commons.main.ServiceMain} turns Quarkus's off, and
 * this route, first of all, makes it instead, so nothing after it sees such an address. Where
 * Quarkus's check is still on (a service started without that main), Quarkus answers first, as
 * before.
 */
@ApplicationScoped
public class MalformedUriRoute {
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

  private final ObjectMapper mapper;

  MalformedUriRoute(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).handler(this::check);
  }

  void check(RoutingContext context) {
    String uri = context.request().uri();
    Problem problem = problem(uri, context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    if (problem == null) {
      context.next();
      return;
    }
    String body;
    try {
      body = mapper.writeValueAsString(problem);
    } catch (JsonProcessingException e) {
      context.fail(400);
      return;
    }
    var response =
        context
            .response()
            .setStatusCode(400)
            .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
    if (context.request().version() != HttpVersion.HTTP_2 && !context.request().isEnded()) {
      // Quarkus paused the request before any route: its body, or its end, is never read here;
      // close the connection rather than drain it.
      response.putHeader(HttpHeaders.CONNECTION, "close");
    }
    response.end(body);
  }

  /** The 400 for an address that is not a valid URI, else null. */
  static Problem problem(String uri, String acceptLanguage) {
    int index;
    if (uri == null) {
      index = 0;
    } else {
      try {
        new URI(uri);
        return null;
      } catch (URISyntaxException e) {
        index = Math.max(e.getIndex(), 0);
      }
    }
    var locale = ProblemMessages.locale(acceptLanguage);
    String code = "uri.malformed";
    var error =
        new FieldError(
            field(uri, index),
            code,
            ProblemMessages.message(locale, code, Map.of("position", index + 1), code));
    // No instance: the path is the malformed part, or holds it.
    return ProblemMapper.validation(locale, null, List.of(error));
  }

  /**
   * The query parameter whose value holds the bad character, when its name is plain; {@code uri}
   * when the bad character is in the path or in a parameter's name.
   */
  static String field(String uri, int index) {
    int query = uri == null ? -1 : uri.indexOf('?');
    if (query < 0 || index <= query) {
      return "uri";
    }
    int start = Math.max(query, uri.lastIndexOf('&', index - 1)) + 1;
    int equals = uri.indexOf('=', start);
    int end = uri.indexOf('&', start);
    if (equals < 0 || (end >= 0 && equals > end) || index <= equals) {
      return "uri";
    }
    String name = uri.substring(start, equals);
    return PLAIN_NAME.matcher(name).matches() ? name : "uri";
  }
}
