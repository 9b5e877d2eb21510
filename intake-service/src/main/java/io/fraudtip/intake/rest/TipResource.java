package io.fraudtip.intake.rest;

import io.fraudtip.commons.problem.ProblemMessages;
import io.fraudtip.intake.api.TipTracking;
import io.fraudtip.intake.service.TipService;
import io.fraudtip.intake.service.TipTracker;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;

/**
 * Tip submission and tracking: open to anonymous callers, rate-limited. The paths and their
 * documentation are {@link TipsApi}.
 */
public class TipResource implements TipsApi {
  private final TipService tips;
  private final TipTracker tracker;
  private final TipReader reader;
  private final TipOrigins origins;

  TipResource(TipService tips, TipTracker tracker, TipReader reader, TipOrigins origins) {
    this.tips = tips;
    this.tracker = tracker;
    this.reader = reader;
    this.origins = origins;
  }

  /**
   * Checks the tip on a worker thread, then frees it: the answer is sent once the tip's batch has
   * committed (group commit), from a worker again, never from the committer's own thread.
   */
  @Override
  @Blocking
  public Uni<Response> submit(String body, String idempotencyKey, HttpHeaders headers, UriInfo uri)
      throws IOException {
    Locale locale = locale(headers);
    TipReader.Read read = reader.read(body);
    URI tipsUri = uri.getBaseUriBuilder().path("api/v1/tips").build();
    return Uni.createFrom()
        .completionStage(
            tips.submit(
                read.tip(),
                read.unknownFields(),
                read.bodyHash(),
                idempotencyKey,
                origins.current(),
                locale))
        .emitOn(Infrastructure.getDefaultWorkerPool())
        .map(out -> accepted(out, tipsUri));
  }

  private static Response accepted(TipService.Submitted out, URI tipsUri) {
    Response.ResponseBuilder answer =
        Response.accepted(out.receipt())
            .location(UriBuilder.fromUri(tipsUri).path(out.receipt().trackingCode()).build());
    if (out.replayed()) {
      answer.header("Idempotent-Replayed", "true");
    }
    return answer.build();
  }

  @Override
  public TipTracking track(String trackingCode) {
    return tracker.track(trackingCode);
  }

  private static Locale locale(HttpHeaders headers) {
    try {
      return ProblemMessages.locale(headers.getAcceptableLanguages());
    } catch (RuntimeException e) {
      return ProblemMessages.SUPPORTED.get(0);
    }
  }
}
