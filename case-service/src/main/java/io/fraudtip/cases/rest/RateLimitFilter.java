package io.fraudtip.cases.rest;

import io.fraudtip.cases.quotas.RequestQuotas;
import io.fraudtip.commons.ratelimit.TokenQuotas.Kind;
import io.fraudtip.commons.ratelimit.TooManyRequests;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Rate limits (SPEC §10 "Quotas"): the anonymous endpoints (watchlist checks, filing and reading
 * disputes) per source address and per client; bank and police tokens on any endpoint by their
 * subject, with larger quotas. Filing a dispute also takes from the address's daily allowance,
 * given back when the dispute is refused (a typo's 400 must not use up an innocent holder's way
 * out). Answers {@code 429} problem+json with {@code Retry-After}. Behind a reverse proxy, set
 * {@code quarkus.http.proxy.*} so that the source address is the caller's.
 */
public class RateLimitFilter {
  private static final String WATCHLIST = "/api/v1/watchlist";
  private static final String DISPUTES = "/api/v1/disputes";
  private static final String FILING_ADDRESS = RateLimitFilter.class.getName() + ".filing";

  private final RequestQuotas quotas;

  RateLimitFilter(RequestQuotas quotas) {
    this.quotas = quotas;
  }

  @ServerRequestFilter
  public Optional<Response> limit(ContainerRequestContext context, HttpServerRequest request) {
    String path = context.getUriInfo().getPath();
    Kind kind = Kind.of(context.getSecurityContext());
    boolean anonymousEndpoint = path.startsWith(WATCHLIST) || path.startsWith(DISPUTES);
    if (kind == Kind.OTHER && !anonymousEndpoint) {
      // Operators and unauthenticated calls to protected endpoints (401/403 anyway).
      return Optional.empty();
    }
    String address = TooManyRequests.address(request);
    Optional<Response> limited =
        quotas
            .take(kind, address, TooManyRequests.client(context))
            .map(wait -> TooManyRequests.response(context, wait));
    // A bank files for its customers from its own servers: its token's quota bounds it (SPEC §10),
    // not the daily allowance of one address.
    if (limited.isEmpty() && kind != Kind.BANK && isFiling(context, path)) {
      context.setProperty(FILING_ADDRESS, address);
      limited =
          quotas
              .fileDispute(address)
              .map(
                  wait ->
                      TooManyRequests.response(
                          context,
                          wait,
                          "dispute-quota",
                          "This address has filed the disputes it may file today"));
    }
    return limited;
  }

  /** A filing that took from the address's allowance and was not accepted gives it back. */
  @ServerResponseFilter
  public void giveBack(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(FILING_ADDRESS) instanceof String address
        && response.getStatus() != Response.Status.CREATED.getStatusCode()
        && response.getStatus() != Response.Status.TOO_MANY_REQUESTS.getStatusCode()) {
      quotas.disputeRefused(address);
    }
  }

  private static boolean isFiling(ContainerRequestContext context, String path) {
    return HttpMethod.POST.equals(context.getMethod())
        && (path.equals(DISPUTES) || path.equals(DISPUTES + "/"));
  }
}
