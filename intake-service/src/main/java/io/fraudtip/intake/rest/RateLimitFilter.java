package io.fraudtip.intake.rest;

import io.fraudtip.commons.ratelimit.TooManyRequests;
import io.fraudtip.intake.service.RateLimits;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Rate-limits the tip endpoints per source address and per client: {@code 429} problem+json with
 * {@code Retry-After}. The client is the bearer token's subject, or the {@code X-Api-Key} header
 * (kept only as a digest); the address limit applies to every request, so a caller cannot escape it
 * by inventing keys.
 */
public class RateLimitFilter {
  /** The header a registered client (app, chatbot, hotline console) names itself with. */
  public static final String API_KEY = TooManyRequests.API_KEY;

  private static final String PATH = "/api/v1/tips";

  private final RateLimits limits;

  RateLimitFilter(RateLimits limits) {
    this.limits = limits;
  }

  @ServerRequestFilter
  public Optional<Response> limit(ContainerRequestContext context, HttpServerRequest request) {
    if (!context.getUriInfo().getPath().startsWith(PATH)) {
      return Optional.empty();
    }
    return limits
        .take(TooManyRequests.address(request), TooManyRequests.client(context))
        .map(wait -> TooManyRequests.response(context, wait));
  }
}
