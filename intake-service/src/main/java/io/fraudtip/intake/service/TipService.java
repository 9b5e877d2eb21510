package io.fraudtip.intake.service;

import io.fraudtip.commons.inbox.ProcessedEvents;
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
import java.util.UUID;

/** Accepts tips and keeps their public status in step with their cases. */
@ApplicationScoped
public class TipService {
  static final String CASES_CONSUMER = "intake-service.cases";

  private final TipNormaliser normaliser;
  private final TrackingCodes trackingCodes;
  private final Outbox outbox;
  private final ProcessedEvents processed;

  TipService(
      TipNormaliser normaliser,
      TrackingCodes trackingCodes,
      Outbox outbox,
      ProcessedEvents processed) {
    this.normaliser = normaliser;
    this.trackingCodes = trackingCodes;
    this.outbox = outbox;
    this.processed = processed;
  }

  /** Stores a valid tip and its tips.v1 event in one transaction. */
  @Transactional
  public TipReceipt submit(TipSubmission submission) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    Tip tip = new Tip();
    tip.id = UUID.randomUUID();
    tip.trackingCode = trackingCodes.next();
    tip.status = TipStatus.RECEIVED;
    tip.receivedAt = now;
    tip.updatedAt = now;
    TipReceivedV1 event = normaliser.toEvent(tip.id, tip.trackingCode, now, submission);
    tip.channel = event.channel();
    tip.trustLevel = event.trust();
    tip.scamType = event.scamType();
    tip.provinceCode = event.provinceCode();
    tip.communeCode = event.communeCode();
    tip.occurredAt = event.occurredAt();
    tip.amountLostVnd = event.amountLostVnd();
    tip.eventPayload = Json.write(event);
    tip.persist();
    TipHistoryEntry.of(tip.id, TipStatus.RECEIVED, now, "Tip received").persist();
    outbox.publish(
        Topics.TIPS_V1, tip.id.toString(), CloudEvents.TYPE_TIP_RECEIVED, UUID.randomUUID(), event);
    return new TipReceipt(tip.id, tip.trackingCode, tip.status, tip.receivedAt);
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
