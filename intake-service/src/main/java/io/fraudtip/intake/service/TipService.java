package io.fraudtip.intake.service;

import io.fraudtip.commons.inbox.ProcessedEvents;
import io.fraudtip.commons.metrics.PlatformMetrics;
import io.fraudtip.commons.outbox.Outbox;
import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.contracts.CloudEvents;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.intake.domain.Tip;
import io.fraudtip.intake.domain.TipHistoryEntry;
import io.fraudtip.intake.domain.TipStatus;
import io.fraudtip.intake.rest.TipReceipt;
import io.fraudtip.intake.rest.TipSubmission;
import io.fraudtip.intake.rest.TipTracking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Accepts tips and keeps their public status in step with their cases. */
@ApplicationScoped
public class TipService {
  static final String CASES_CONSUMER = "intake-service.cases";

  private static final Logger LOG = Logger.getLogger(TipService.class);

  private final TipNormaliser normaliser;
  private final TrackingCodes trackingCodes;
  private final Outbox outbox;
  private final ProcessedEvents processed;
  private final IdempotencyKeys idempotency;
  private final PersonalDataCipher cipher;
  private final PlatformMetrics metrics;

  TipService(
      TipNormaliser normaliser,
      TrackingCodes trackingCodes,
      Outbox outbox,
      ProcessedEvents processed,
      IdempotencyKeys idempotency,
      PersonalDataCipher cipher,
      PlatformMetrics metrics) {
    this.normaliser = normaliser;
    this.trackingCodes = trackingCodes;
    this.outbox = outbox;
    this.processed = processed;
    this.idempotency = idempotency;
    this.cipher = cipher;
    this.metrics = metrics;
  }

  /** The answer to a submission, and whether it repeats the first answer to its key. */
  public record Submitted(TipReceipt receipt, boolean replayed) {}

  /**
   * Checks and normalises a tip, then stores it, its tips.v1 event (outbox) and the answer to its
   * Idempotency-Key in one transaction. Nothing is stored for a refused tip.
   *
   * @param idempotencyKey the client's key, or null
   * @throws io.fraudtip.commons.problem.ProblemException 400 listing every bad field; 409/422 for a
   *     key in flight or used with another body
   */
  @Transactional
  public Submitted submit(
      TipSubmission submission,
      List<String> unknownFields,
      String bodyHash,
      String idempotencyKey,
      Locale locale) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    IdempotencyKeys.check(idempotencyKey, locale);
    if (idempotencyKey != null) {
      Optional<TipReceipt> first = idempotency.begin(idempotencyKey, bodyHash, now, locale);
      if (first.isPresent()) {
        return new Submitted(first.get(), true);
      }
    }
    if (submission == null) {
      Violations v = new Violations(locale);
      v.add("", "body.required", java.util.Map.of());
      v.throwIfAny();
    }
    NormalisedTip normalised = normaliser.normalise(submission, unknownFields, now, locale);
    Tip tip = new Tip();
    tip.id = UUID.randomUUID();
    tip.trackingCode = trackingCodes.next();
    tip.status = TipStatus.RECEIVED;
    tip.receivedAt = now;
    tip.updatedAt = now;
    TipReceivedV1 event = normalised.toEvent(tip.id, tip.trackingCode, now);
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
    tip.persist();
    TipHistoryEntry.of(tip.id, TipStatus.RECEIVED, now, "Tip received").persist();
    outbox.publish(
        Topics.TIPS_V1, tip.id.toString(), CloudEvents.TYPE_TIP_RECEIVED, UUID.randomUUID(), event);
    TipReceipt receipt = new TipReceipt(tip.id, tip.trackingCode, tip.status, tip.receivedAt);
    if (idempotencyKey != null) {
      idempotency.remember(idempotencyKey, bodyHash, receipt, now);
    }
    metrics.tipAccepted(event.channel().name());
    // No personal data here: ids, kinds and counts only.
    LOG.debugf(
        "Accepted tip %s (%s, %s, %d identifiers, %d transfers)",
        tip.id,
        event.scamType(),
        event.trust(),
        event.identifiers().size(),
        event.transfers().size());
    return new Submitted(receipt, false);
  }

  /** A tip's reporter data, opened; for the investigating side. Null for an anonymous tip. */
  @Transactional
  public ReporterData reporterOf(UUID tipId) {
    Tip tip = Tip.findById(tipId);
    if (tip == null || tip.reporterSealed == null) {
      return null;
    }
    return cipher.open(tip.id, tip.reporterSealed);
  }

  /** The public view of a tip. */
  @Transactional
  public TipTracking track(String trackingCode) {
    Tip tip =
        Tip.findByTrackingCode(TrackingCodes.canonical(trackingCode))
            .orElseThrow(() -> ProblemException.notFound("Tip " + trackingCode));
    var history =
        TipHistoryEntry.ofTip(tip.id).stream()
            .map(h -> new TipTracking.Step(h.status, h.at, h.note))
            .toList();
    return new TipTracking(tip.trackingCode, tip.status, tip.receivedAt, tip.updatedAt, history);
  }

  /**
   * Moves the tips of a case along with it. Idempotent on the event id; a status never moves
   * backwards (events of one case may arrive late after a merge or a redelivery).
   */
  @Transactional
  public void onCaseEvent(UUID eventId, CaseEventV1 event) {
    if (!processed.firstTime(eventId, CASES_CONSUMER) || event.tipIds() == null) {
      return;
    }
    TipStatus status = event.status() == null ? null : TipStatus.of(event.status());
    for (UUID tipId : event.tipIds()) {
      Tip tip = Tip.findById(tipId);
      if (tip == null) {
        continue;
      }
      tip.caseReference = event.caseReference();
      if (status != null && status.compareTo(tip.status) > 0) {
        tip.status = status;
        tip.updatedAt = event.occurredAt();
        TipHistoryEntry.of(tip.id, status, event.occurredAt(), publicNote(status)).persist();
      }
    }
  }

  private static String publicNote(TipStatus status) {
    return switch (status) {
      case RECEIVED -> "Tip received";
      case ASSIGNED -> "Assigned to a police unit";
      case IN_PROGRESS -> "Under investigation";
      case CLOSED -> "Case closed";
    };
  }
}
