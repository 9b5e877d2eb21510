package io.fraudtip.notification.rest;

import io.fraudtip.commons.ratelimit.TokenQuotas;
import io.fraudtip.commons.ratelimit.TokenQuotas.Kind;
import io.fraudtip.commons.ratelimit.TooManyRequests;
import io.fraudtip.notification.config.QuotaConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Quotas by token (SPEC §10): a bank's or a police unit's requests to the API are counted by its
 * token's subject, in this instance's memory; past its quota a caller gets {@code 429} problem+json
 * with {@code Retry-After}. Every endpoint here needs a token, so there is no anonymous caller to
 * count by address.
 */
public class RateLimitFilter {
  private static final String API = "/api/";

  private final TokenQuotas quotas;

  RateLimitFilter(QuotaConfig config) {
    this.quotas =
        new TokenQuotas(
            config.enabled(),
            config.notification().perBankCapacity(),
            config.notification().perPoliceCapacity(),
            config.period(),
            config.maxTrackedCallers());
  }

  @ServerRequestFilter
  public Optional<Response> limit(ContainerRequestContext context) {
    if (!context.getUriInfo().getPath().startsWith(API)) {
      return Optional.empty();
    }
    return quotas
        .take(Kind.of(context.getSecurityContext()), TooManyRequests.client(context))
        .map(wait -> TooManyRequests.response(context, wait));
  }
}
