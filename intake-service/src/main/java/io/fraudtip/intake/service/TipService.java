package io.fraudtip.intake.service;

import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.commons.problem.Violations;
import io.fraudtip.commons.time.Timestamps;
import io.fraudtip.contracts.Ids;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.intake.api.TipReceipt;
import io.fraudtip.intake.api.TipSubmission;
import io.fraudtip.intake.domain.Tip;
import io.fraudtip.intake.domain.TipStatus;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Accepts tips: checked and normalised on arrival, then stored and published once by the group
 * committer ({@link TipCommitter}); and opens their reporter data.
 */
@ApplicationScoped
public class TipService {
  private final TipNormaliser normaliser;
  private final TrackingCodes trackingCodes;
  private final TipCommitter committer;
  private final IdempotencyKeys idempotency;
  private final PersonalDataCipher cipher;
  private final SourceKeys sources;

  TipService(
      TipNormaliser normaliser,
      TrackingCodes trackingCodes,
      TipCommitter committer,
      IdempotencyKeys idempotency,
      PersonalDataCipher cipher,
      SourceKeys sources) {
    this.normaliser = normaliser;
    this.trackingCodes = trackingCodes;
    this.committer = committer;
    this.idempotency = idempotency;
    this.cipher = cipher;
    this.sources = sources;
  }

  /** The answer to a submission, and whether it repeats the first answer to its key. */
  public record Submitted(TipReceipt receipt, boolean replayed) {}

  /**
   * A body that could not be read (not JSON, or not of a tip's shape) under an Idempotency-Key: the
   * key answers first, as for a tip with bad fields (the first answer, 409, or 422 for a key used
   * with another body); a key not used yet leaves the body's own 400.
   *
   * @param unreadable why the body could not be read (answered when the key does not decide)
   */
  public CompletableFuture<Submitted> unreadable(
      Exception unreadable, String bodyHash, String sentKey, TipOrigin origin, Locale locale) {
    IdempotencyKeys.check(sentKey, locale);
    String idempotencyKey = IdempotencyKeys.scoped(sentKey, origin.client());
    if (committer.isCommitting(idempotencyKey)) {
      throw IdempotencyKeys.inFlight(locale);
    }
    return answeredByKey(unreadable, bodyHash, idempotencyKey, Timestamps.now(), locale);
  }

  /**
   * As before batching: a key already used answers (first answer, 409, 422) before a refused body.
   * The only read of the database on a tip's way in: on a worker, as the request may be on the
   * event loop.
   */
  private CompletableFuture<Submitted> answeredByKey(
      Exception refused, String bodyHash, String idempotencyKey, Instant now, Locale locale) {
    CompletableFuture<Submitted> answer = new CompletableFuture<>();
    Infrastructure.getDefaultWorkerPool()
        .execute(
            () -> {
              try {
                Optional<TipReceipt> first =
                    QuarkusTransaction.requiringNew()
                        .call(() -> idempotency.begin(idempotencyKey, bodyHash, now, locale));
                if (first.isPresent()) {
                  answer.complete(new Submitted(first.get(), true));
                } else {
                  answer.completeExceptionally(refused);
                }
              } catch (RuntimeException e) {
                answer.completeExceptionally(e);
              }
            });
    return answer;
  }

  /**
   * Checks and normalises a tip at once, then hands it to the group committer, which stores it, its
   * tips.v1 event (outbox) and the answer to its Idempotency-Key in its batch's transaction.
   * Nothing is stored for a refused tip.
   *
   * @param sentKey the Idempotency-Key sent, or null (a client's keys are its own: {@link
   *     IdempotencyKeys#scoped})
   * @param origin who sent it: becomes the event's pseudonymous source (SPEC §10)
   * @return completes once the tip's batch has committed (or with the tip's own failure: 409/422
   *     for a key in flight or used with another body, 503 while the service stops)
   * @throws io.fraudtip.commons.problem.ProblemException 400 listing every bad field; 409 while a
   *     request with the key is being committed
   */
  public CompletableFuture<Submitted> submit(
      TipSubmission submission,
      List<String> unknownFields,
      String bodyHash,
      String sentKey,
      TipOrigin origin,
      Locale locale) {
    Instant now = Timestamps.now();
    IdempotencyKeys.check(sentKey, locale);
    String idempotencyKey = IdempotencyKeys.scoped(sentKey, origin.client());
    if (idempotencyKey != null && committer.isCommitting(idempotencyKey)) {
      throw IdempotencyKeys.inFlight(locale);
    }
    NormalisedTip normalised;
    try {
      normalised = normalise(submission, unknownFields, now, locale);
    } catch (ProblemException invalid) {
      if (idempotencyKey == null) {
        throw invalid;
      }
      return answeredByKey(invalid, bodyHash, idempotencyKey, now, locale);
    }
    Tip tip = new Tip();
    tip.id = Ids.next();
    tip.trackingCode = trackingCodes.next();
    tip.status = TipStatus.RECEIVED;
    tip.receivedAt = now;
    tip.updatedAt = now;
    TipReceivedV1 event =
        normalised.toEvent(
            tip.id, tip.trackingCode, now, sources.of(origin, normalised.reporter()));
    tip.channel = event.channel();
    tip.trustLevel = event.trust();
    tip.scamType = event.scamType();
    tip.provinceCode = event.provinceCode();
    tip.communeCode = event.communeCode();
    tip.occurredAt = event.occurredAt();
    tip.amountLostVnd = event.amountLostVnd();
    tip.eventPayload = Json.write(event);
    tip.reporterSealed =
        normalised.reporter() == null ? null : cipher.seal(tip.id, normalised.reporter());
    // The request's trace goes with the tip: the outbox row is written on the committer's thread.
    return committer.submit(
        new PendingTip(tip, event, idempotencyKey, bodyHash, locale, Context.current()));
  }

  private NormalisedTip normalise(
      TipSubmission submission, List<String> unknownFields, Instant now, Locale locale) {
    if (submission == null) {
      Violations v = new Violations(locale);
      v.add("", "body.required", java.util.Map.of());
      v.throwIfAny();
    }
    return normaliser.normalise(submission, unknownFields, now, locale);
  }
}
