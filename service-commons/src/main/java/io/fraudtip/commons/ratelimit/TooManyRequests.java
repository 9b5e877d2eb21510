package io.fraudtip.commons.ratelimit;

import io.fraudtip.commons.crypto.Hashes;
import io.fraudtip.commons.problem.Problem;
import io.fraudtip.commons.problem.ProblemMessages;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the services' rate-limit filters share: who is calling (address, client) and the {@code 429}
 * problem+json answer with {@code Retry-After}. Behind a reverse proxy, set {@code
 * quarkus.http.proxy.*} so that the source address is the caller's.
 */
public final class TooManyRequests {
  /** The header a registered client (app, chatbot, hotline console) names itself with. */
  public static final String API_KEY = "X-Api-Key";

  private TooManyRequests() {}

  /**
   * The request's source address as limits count it: an IPv6 address by its /64 ({@link
   * SourceNetworks}), whose subscriber would otherwise get a fresh limit with every address.
   */
  public static String address(HttpServerRequest request) {
    SocketAddress remote = request.remoteAddress();
    return remote == null ? "unknown" : SourceNetworks.of(remote.hostAddress());
  }

  /**
   * The client: the bearer token's subject, or the {@code X-Api-Key} header (kept only as a
   * digest); null when the caller names none.
   */
  public static String client(ContainerRequestContext context) {
    return client(
        context.getSecurityContext() == null
            ? null
            : context.getSecurityContext().getUserPrincipal(),
        context.getHeaderString(API_KEY));
  }

  /** {@link #client(ContainerRequestContext)} from the principal and the API key header. */
  public static String client(Principal principal, String apiKey) {
    if (principal != null && principal.getName() != null && !principal.getName().isBlank()) {
      return "sub:" + principal.getName();
    }
    if (apiKey != null && !apiKey.isBlank()) {
      return "key:" + Hashes.sha256(apiKey.strip());
    }
    return null;
  }

  /** The 429 answer: wait at least a second before trying again. */
  public static Response response(ContainerRequestContext context, Duration wait) {
    return response(context, wait, "too-many-requests", null);
  }

  /**
   * A 429 answer of its own type and detail (e.g. a daily quota), or the generic one when {@code
   * detail} is null.
   */
  public static Response response(
      ContainerRequestContext context, Duration wait, String type, String detail) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    Locale locale = locale(context);
    Problem problem =
        new Problem(
            type,
            ProblemMessages.message(
                locale, "problem.too-many-requests.title", Map.of(), "Too Many Requests"),
            429,
            detail != null
                ? detail
                : ProblemMessages.message(
                    locale,
                    "problem.too-many-requests.detail",
                    Map.of("seconds", seconds),
                    "Too many requests"),
            context.getUriInfo().getPath(),
            List.of());
    return Response.status(429)
        .type(Problem.MEDIA_TYPE)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
        .entity(problem)
        .build();
  }

  private static Locale locale(ContainerRequestContext context) {
    try {
      return ProblemMessages.locale(context.getAcceptableLanguages());
    } catch (RuntimeException e) {
      return ProblemMessages.SUPPORTED.get(0);
    }
  }
}
