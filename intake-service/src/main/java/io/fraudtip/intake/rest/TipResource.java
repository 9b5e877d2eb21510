package io.fraudtip.intake.rest;

import io.fraudtip.commons.problem.ProblemMessages;
import io.fraudtip.commons.problem.Violations;
import io.fraudtip.intake.api.TipTracking;
import io.fraudtip.intake.service.IdempotencyKeys;
import io.fraudtip.intake.service.TipOrigin;
import io.fraudtip.intake.service.TipService;
import io.fraudtip.intake.service.TipTracker;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
   * Reads and checks the tip on the event loop, which has the whole body by then (up to {@code
   * quarkus.rest.input-buffer-size}; a larger body is read on a worker), and hands it to the group
   * committer. The answer is sent once the tip's batch has committed, from the event loop again.
   * Nothing on this path blocks: the one read of the database (a used key with an invalid body)
   * runs on a worker. On a blocking endpoint each tip took three hand-offs between threads and a
   * worker waiting for the body's bytes, a quarter of the service's CPU at 500 tips/s (2026-12-05).
   */
  @Override
  public Uni<Response> submit(byte[] bytes, String idempotencyKey, HttpHeaders headers, UriInfo uri)
      throws IOException {
    Locale locale = locale(headers);
    String body = utf8(bytes, locale);
    if (idempotencyKey == null && headers.getRequestHeaders().containsKey(IdempotencyKeys.HEADER)) {
      // Sent blank, which the REST layer hands on as none: a key the client meant to send, so
      // refused as malformed rather than taken as no key (a retry would make a second tip).
      idempotencyKey = "";
    }
    URI tipsUri = uri.getBaseUriBuilder().path("api/v1/tips").build();
    TipOrigin origin = origins.current();
    TipReader.Read read;
    try {
      read = reader.read(body);
    } catch (IOException unreadable) {
      if (idempotencyKey == null) {
        throw unreadable;
      }
      return Uni.createFrom()
          .completionStage(
              tips.unreadable(unreadable, TipReader.hash(body), idempotencyKey, origin, locale))
          .map(out -> accepted(out, tipsUri));
    }
    return Uni.createFrom()
        .completionStage(
            tips.submit(
                read.tip(), read.unknownFields(), read.bodyHash(), idempotencyKey, origin, locale))
        .map(out -> accepted(out, tipsUri));
  }

  /**
   * The body as text, decoded strictly: a decoder that puts a replacement character for bytes that
   * are not UTF-8 would store a victim's words changed without telling them.
   */
  private static String utf8(byte[] bytes, Locale locale) {
    if (bytes == null) {
      return null;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      Violations v = new Violations(locale);
      v.add("", "body.encoding", java.util.Map.of());
      v.throwIfAny();
      throw new IllegalStateException(e); // not reached: throwIfAny threw
    }
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
