package io.fraudtip.commons.problem;

import io.fraudtip.commons.evidence.EvidenceLimits;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a declared body over the service's limit with a problem answer. Vert.x's own limit
 * ({@code quarkus.http.limits.max-body-size}, set higher) stays as the hard guard for bodies that
 * do not declare their length; it answers a bare 413. {@link BodySizeRoute} answers declared bodies
 * over Vert.x's limit, which never reach this filter. File uploads (paths ending in {@value
 * #UPLOAD_SUFFIX}) may be as large as an evidence file ({@link EvidenceLimits#maxBytes()}).
 */
public class BodySizeLimit {
  /** The last path segment of the endpoints that take an evidence file as their body. */
  public static final String UPLOAD_SUFFIX = "/evidence";

  private final Limits limits;
  private final EvidenceLimits evidence;

  BodySizeLimit(Limits limits, EvidenceLimits evidence) {
    this.limits = limits;
    this.evidence = evidence;
  }

  /** The body limit of a path: an evidence file's for uploads, the service's for the rest. */
  static long limitFor(String path, Limits limits, EvidenceLimits evidence) {
    return path != null && path.endsWith(UPLOAD_SUFFIX)
        ? Math.max(evidence.maxBytes(), limits.maxBodyBytes())
        : limits.maxBodyBytes();
  }

  @ServerRequestFilter(preMatching = true)
  public Response check(ContainerRequestContext request) {
    Problem problem =
        tooLarge(
            limitFor(request.getUriInfo().getPath(), limits, evidence),
            request.getHeaderString(HttpHeaders.CONTENT_LENGTH),
            request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE),
            request.getUriInfo().getPath());
    return problem == null
        ? null
        : Response.status(413).type(Problem.MEDIA_TYPE).entity(problem).build();
  }

  /** The 413 problem when the declared length is over the limit, else null. */
  static Problem tooLarge(long limit, String declared, String acceptLanguage, String path) {
    if (declared == null) {
      return null;
    }
    long length;
    try {
      length = Long.parseLong(declared.trim());
    } catch (NumberFormatException e) {
      return null;
    }
    if (length <= limit) {
      return null;
    }
    var locale = ProblemMessages.locale(acceptLanguage);
    return new Problem(
        "payload-too-large",
        ProblemMessages.message(locale, "problem.payload-too-large.title"),
        413,
        ProblemMessages.message(locale, "problem.payload-too-large.detail"),
        "/" + path.replaceFirst("^/", ""),
        List.of());
  }

  /** Request limits of a service. */
  @ConfigMapping(prefix = "fraudtip.http")
  public interface Limits {
    /** Largest request body, in bytes, that a service reads. */
    @WithDefault("131072")
    long maxBodyBytes();
  }
}
