package io.fraudtip.commons.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fraudtip.commons.evidence.EvidenceLimits;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds the bytes of file uploads a service holds at once ({@link
 * EvidenceLimits#inFlightBytes()}): an upload's body is read whole into memory, then checked,
 * hashed and stored, so a dozen files of the largest size at once filled the heap and stopped the
 * service. One past the budget is answered 503 with Retry-After before its body is read; one upload
 * alone is always taken.
 */
@ApplicationScoped
public class UploadBudget {
  /** Seconds a refused upload waits: long enough for a file in flight to be stored. */
  static final int RETRY_AFTER_SECONDS = 2;

  private final EvidenceLimits evidence;
  private final ObjectMapper mapper;
  private final AtomicLong inFlight = new AtomicLong();

  UploadBudget(EvidenceLimits evidence, ObjectMapper mapper) {
    this.evidence = evidence;
    this.mapper = mapper;
  }

  void install(@Observes Router router) {
    // Before any body handler: a refused upload is never read.
    router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2).handler(this::admit);
  }

  /** The bytes of uploads taken and not yet answered. */
  public long inFlight() {
    return inFlight.get();
  }

  void admit(RoutingContext context) {
    String path = context.normalizedPath();
    if (context.request().method() != HttpMethod.POST
        || path == null
        || !path.endsWith(BodySizeLimit.UPLOAD_SUFFIX)) {
      context.next();
      return;
    }
    long size = size(context.request().getHeader(HttpHeaders.CONTENT_LENGTH));
    long after = inFlight.addAndGet(size);
    if (after > evidence.inFlightBytes() && after != size) {
      inFlight.addAndGet(-size);
      refuse(context);
      return;
    }
    // Called once the answer is sent or the connection is gone, whichever first.
    context.addEndHandler(done -> inFlight.addAndGet(-size));
    context.next();
  }

  /** What an upload may take: its declared length, or the largest file's for an undeclared one. */
  private long size(String declared) {
    long max = evidence.maxBytes();
    if (declared == null) {
      return max;
    }
    try {
      long length = Long.parseLong(declared.trim());
      return length < 0 ? max : Math.min(length, max);
    } catch (NumberFormatException e) {
      return max;
    }
  }

  private void refuse(RoutingContext context) {
    String body;
    try {
      body =
          mapper.writeValueAsString(
              new Problem(
                  "uploads-busy",
                  "Service Unavailable",
                  503,
                  "Too many files are being uploaded at this moment; nothing was stored. Send the"
                      + " file again after Retry-After seconds.",
                  context.normalizedPath(),
                  List.of()));
    } catch (JsonProcessingException e) {
      body = "";
    }
    // The body is not read: close the connection rather than drain it.
    context
        .response()
        .setStatusCode(503)
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
        .putHeader(HttpHeaders.CONNECTION, "close")
        .end(body);
  }
}
