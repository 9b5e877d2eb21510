package io.fraudtip.intake.rest;

import io.fraudtip.commons.crypto.Hashes;
import io.fraudtip.commons.problem.Problem;
import io.fraudtip.commons.problem.ProblemMessages;
import io.fraudtip.intake.service.RateLimits;
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
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Rate-limits the tip endpoints per source address and per client: {@code 429} problem+json with
 * {@code Retry-After}. The client is the bearer token's subject, or the {@code X-Api-Key} header
 * (kept only as a digest); the address limit applies to every request, so a caller cannot escape it
 * by inventing keys. Behind a reverse proxy, set {@code quarkus.http.proxy.*} so that the source
 * address is the caller's.
 */
public class RateLimitFilter {
  /** The header a registered client (app, chatbot, hotline console) names itself with. */
  public static final String API_KEY = "X-Api-Key";

  private static final String PATH = "/api/v1/tips";

  private final RateLimits limits;

  RateLimitFilter(RateLimits limits) {
    this.limits = limits;
  }

  @ServerRequestFilter
  public Optional<Response> limit(ContainerRequestContext context, HttpServerRequest request) {
    String path = context.getUriInfo().getPath();
    if (!path.startsWith(PATH)) {
      return Optional.empty();
    }
    SocketAddress remote = request.remoteAddress();
    String address = remote == null ? "unknown" : remote.hostAddress();
    return limits.take(address, client(context)).map(wait -> tooMany(context, wait));
  }

  private static String client(ContainerRequestContext context) {
    Principal principal =
        context.getSecurityContext() == null
            ? null
            : context.getSecurityContext().getUserPrincipal();
    if (principal != null && principal.getName() != null && !principal.getName().isBlank()) {
      return "sub:" + principal.getName();
    }
    String key = context.getHeaderString(API_KEY);
    if (key != null && !key.isBlank()) {
      return "key:" + Hashes.sha256(key.strip());
    }
    return null;
  }

  private static Response tooMany(ContainerRequestContext context, Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    Locale locale = locale(context);
    Problem problem =
        new Problem(
            "too-many-requests",
            ProblemMessages.message(
                locale, "problem.too-many-requests.title", Map.of(), "Too Many Requests"),
            429,
            ProblemMessages.message(
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
