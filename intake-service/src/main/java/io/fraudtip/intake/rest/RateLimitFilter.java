package io.fraudtip.intake.rest;

import io.fraudtip.commons.evidence.EvidenceLimits;
import io.fraudtip.commons.ratelimit.TooManyRequests;
import io.fraudtip.intake.service.RateLimits;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Rate-limits the tip endpoints per source address and per client, and evidence uploads by their
 * bytes per source address: {@code 429} problem+json with {@code Retry-After}. The client is the
 * bearer token's subject, or the {@code X-Api-Key} header (kept only as a digest); the address
 * limit applies to every request, so a caller cannot escape it by inventing keys.
 */
public class RateLimitFilter {
  /** The header a registered client (app, chatbot, hotline console) names itself with. */
  public static final String API_KEY = TooManyRequests.API_KEY;

  private static final String PATH = "/api/v1/tips";
  private static final String EVIDENCE = "/evidence";

  private final RateLimits limits;
  private final EvidenceLimits evidence;

  RateLimitFilter(RateLimits limits, EvidenceLimits evidence) {
    this.limits = limits;
    this.evidence = evidence;
  }

  @ServerRequestFilter
  public Optional<Response> limit(ContainerRequestContext context, HttpServerRequest request) {
    String path = context.getUriInfo().getPath();
    if (!path.startsWith(PATH)) {
      return Optional.empty();
    }
    String address = TooManyRequests.address(request);
    Optional<Response> limited =
        limits
            .take(address, TooManyRequests.client(context))
            .map(wait -> TooManyRequests.response(context, wait));
    if (limited.isEmpty() && isUpload(context, path)) {
      // Counted before the body is read, by its announced length.
      long length = context.getLength();
      limited =
          limits
              .takeEvidenceBytes(address, length >= 0 ? length : evidence.maxBytes())
              .map(
                  wait ->
                      TooManyRequests.response(
                          context,
                          wait,
                          "upload-quota",
                          "This address has uploaded the evidence bytes it may upload for now"));
    }
    return limited;
  }

  private static boolean isUpload(ContainerRequestContext context, String path) {
    // The resource answers with or without a trailing slash.
    return HttpMethod.POST.equals(context.getMethod())
        && (path.endsWith(EVIDENCE) || path.endsWith(EVIDENCE + "/"));
  }
}
