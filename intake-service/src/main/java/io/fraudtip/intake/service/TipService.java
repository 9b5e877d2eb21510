package io.fraudtip.intake.service;

import io.fraudtip.commons.metrics.PlatformMetrics;
import io.fraudtip.commons.outbox.Outbox;
import io.fraudtip.commons.problem.Violations;
import io.fraudtip.commons.time.Timestamps;
import io.fraudtip.contracts.CloudEvents;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.intake.api.TipReceipt;
import io.fraudtip.intake.api.TipSubmission;
import io.fraudtip.intake.domain.Tip;
import io.fraudtip.intake.domain.TipHistoryEntry;
import io.fraudtip.intake.domain.TipStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Accepts tips: checked, normalised, stored and published once, and opens their reporter data. */
@ApplicationScoped
public class TipService {
  private static final Logger LOG = Logger.getLogger(TipService.class);

  private final TipNormaliser normaliser;
  private final TrackingCodes trackingCodes;
  private final Outbox outbox;
  private final IdempotencyKeys idempotency;
  private final PersonalDataCipher cipher;
  private final PlatformMetrics metrics;
  private final SourceKeys sources;

  TipService(
      TipNormaliser normaliser,
      TrackingCodes trackingCodes,
      Outbox outbox,
      IdempotencyKeys idempotency,
      PersonalDataCipher cipher,
      PlatformMetrics metrics,
      SourceKeys sources) {
    this.normaliser = normaliser;
    this.trackingCodes = trackingCodes;
    this.outbox = outbox;
    this.idempotency = idempotency;
    this.cipher = cipher;
    this.metrics = metrics;
    this.sources = sources;
  }

  /** The answer to a submission, and whether it repeats the first answer to its key. */
  public record Submitted(TipReceipt receipt, boolean replayed) {}

  /**
   * Checks and normalises a tip, then stores it, its tips.v1 event (outbox) and the answer to its
   * Idempotency-Key in one transaction. Nothing is stored for a refused tip.
   *
   * @param idempotencyKey the client's key, or null
   * @param origin who sent it: becomes the event's pseudonymous source (SPEC §10)
   * @throws io.fraudtip.commons.problem.ProblemException 400 listing every bad field; 409/422 for a
   *     key in flight or used with another body
   */
  @Transactional
  public Submitted submit(
      TipSubmission submission,
      List<String> unknownFields,
      String bodyHash,
      String idempotencyKey,
      TipOrigin origin,
      Locale locale) {
    Instant now = Timestamps.now();
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
}
