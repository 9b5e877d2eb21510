package io.fraudtip.commons.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
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
 * Answers with problem+json the requests refused before any route or resource could judge them,
 * which Quarkus and Vert.x answer with a bare status or with a JSON error id and an error log, or
 * do not refuse at all:
 *
 * <ul>
 *   <li>an address that is not a valid URI (a {@code %} not followed by two hexadecimal digits, a
 *       {@code |} or {@code "} left unencoded): 400 naming the query parameter that holds it. It is
 *       Quarkus's own check, {@code new URI(uri)}, answered by Quarkus with a bare 400; {@link
 *       io.fraudtip.commons.main.ServiceMain} turns Quarkus's off and the first route of all makes
 *       it here instead, so nothing after it sees such an address (where Quarkus's is still on, in
 *       a service started without that main, Quarkus answers first, as before);
 *   <li>two lines of {@code Host} (RFC 9112 asks for a 400), {@code Authorization} or {@code
 *       Content-Type}: 400 naming the header, where Vert.x and Quarkus took the first line;
 *   <li>an HTTP/1.1 request without {@code Host}, or with an invalid one: 400 naming the header
 *       (Vert.x fails it before any route, and Quarkus logged each one as an error);
 *   <li>a target that is not a path ({@code *}, {@code api/v1/tips}): 404.
 * </ul>
 */
@ApplicationScoped
public class UnroutableRequests {
  /**
   * Headers that hold one value; a second line of one is refused. {@code Idempotency-Key} is
   * intake's (a tip under two keys: which one would a retry name?); no other service reads it.
   */
  private static final List<String> SINGLE_HEADERS =
      List.of("Host", "Authorization", "Content-Type", "Idempotency-Key");

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

  private final ObjectMapper mapper;

  UnroutableRequests(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).handler(this::check);
    router.route().failureHandler(this::onFailure);
  }

  void check(RoutingContext context) {
    HttpServerRequest request = context.request();
    String language = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
    Problem problem = malformed(request.uri(), language);
    if (problem == null) {
      problem = repeatedHeader(request, language);
    }
    if (problem == null) {
      context.next();
    } else {
      answer(context, problem);
    }
  }

  /**
   * The 400 for a header that holds one value (RFC 9110) sent on two lines, else null. Vert.x and
   * Quarkus take the first line; a proxy, a gateway or a log in front may take the other, and then
   * checks or records a token, a host or a body type this service does not act on.
   */
  static Problem repeatedHeader(HttpServerRequest request, String language) {
    for (String name : SINGLE_HEADERS) {
      if (name.equals("Host") && request.version() == HttpVersion.HTTP_2) {
        continue; // HTTP/2 names its host in :authority
      }
      if (request.headers().getAll(name).size() > 1) {
        return headerProblem(language, name, "header.repeated");
      }
    }
    return null;
  }

  void onFailure(RoutingContext context) {
    Problem problem = context.response().ended() ? null : beforeRouting(context);
    if (problem == null) {
      context.next();
    } else {
      answer(context, problem);
    }
  }

  /** The problem of a request Vert.x failed before any route, else null. */
  private static Problem beforeRouting(RoutingContext context) {
    HttpServerRequest request = context.request();
    String path = request.path();
    if (context.statusCode() == 400
        && request.version() == HttpVersion.HTTP_1_1
        && request.authority() == null) {
      return headerProblem(
          request.getHeader(HttpHeaders.ACCEPT_LANGUAGE),
          "Host",
          request.getHeader(HttpHeaders.HOST) == null ? "header.required" : "header.invalid");
    }
    if (context.statusCode() == 404 && (path == null || !path.startsWith("/"))) {
      var locale = ProblemMessages.locale(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
      String title = ProblemMessages.message(locale, "problem.not-found.title");
      return new Problem("not-found", title, 404, title, null, List.of());
    }
    return null;
  }

  /** A 400 naming a header. */
  private static Problem headerProblem(String acceptLanguage, String name, String code) {
    Violations violations = new Violations(ProblemMessages.locale(acceptLanguage));
    violations.add(name, code, Map.of("name", name));
    return violations.problem();
  }

  private void answer(RoutingContext context, Problem problem) {
    String body;
    try {
      body = mapper.writeValueAsString(problem);
    } catch (JsonProcessingException e) {
      // Never let a refused request on: fail it with the same status, answered by Quarkus.
      if (context.failed()) {
        context.next();
      } else {
        context.fail(problem.status());
      }
      return;
    }
    var response =
        context
            .response()
            .setStatusCode(problem.status())
            .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
    if (context.request().version() != HttpVersion.HTTP_2 && !context.request().isEnded()) {
      // Quarkus paused the request before any route: its body, or its end, is never read here;
      // close the connection rather than drain it.
      response.putHeader(HttpHeaders.CONNECTION, "close");
    }
    response.end(body);
  }

  /** The 400 for an address that is not a valid URI, else null. */
  static Problem malformed(String uri, String acceptLanguage) {
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
    Violations violations = new Violations(ProblemMessages.locale(acceptLanguage));
    violations.add(field(uri, index), "uri.malformed", Map.of("position", index + 1));
    // No instance: the path is the malformed part, or holds it.
    return violations.problem();
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
