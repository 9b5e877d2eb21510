package io.fraudtip.intake.rest;

import io.fraudtip.commons.problem.ProblemMessages;
import io.fraudtip.intake.api.TipTracking;
import io.fraudtip.intake.service.TipService;
import io.fraudtip.intake.service.TipTracker;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
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

  @Override
  public Response submit(String body, String idempotencyKey, HttpHeaders headers, UriInfo uri)
      throws IOException {
    Locale locale = locale(headers);
    TipReader.Read read = reader.read(body);
    TipService.Submitted out =
        tips.submit(
            read.tip(),
            read.unknownFields(),
            read.bodyHash(),
            idempotencyKey,
            origins.current(),
            locale);
    Response.ResponseBuilder answer =
        Response.accepted(out.receipt())
            .location(
                uri.getBaseUriBuilder()
                    .path("api/v1/tips")
                    .path(out.receipt().trackingCode())
                    .build());
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
