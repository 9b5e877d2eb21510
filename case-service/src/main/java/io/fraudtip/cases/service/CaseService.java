package io.fraudtip.cases.service;

import io.fraudtip.cases.domain.CaseTip;
import io.fraudtip.cases.domain.FraudCase;
import io.fraudtip.commons.inbox.ProcessedEvents;
import io.fraudtip.commons.outbox.Outbox;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.contracts.cases.CaseStatus;
import io.fraudtip.contracts.tips.TipReceivedV1;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Turns tips into cases and publishes what happens to them. */
@ApplicationScoped
public class CaseService {
  static final String TIPS_CONSUMER = "case-service.tips";

  private final ProcessedEvents processed;
  private final Outbox outbox;

  CaseService(ProcessedEvents processed, Outbox outbox) {
    this.processed = processed;
    this.outbox = outbox;
  }

  /** Takes a tip into a case, once per event id. */
  @Transactional
  public void onTip(UUID eventId, TipReceivedV1 tip) {
    if (!processed.firstTime(eventId, TIPS_CONSUMER) || CaseTip.findById(tip.tipId()) != null) {
      return;
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    FraudCase fraudCase = new FraudCase();
    fraudCase.id = UUID.randomUUID();
    fraudCase.reference = "VN-" + fraudCase.id.toString().substring(0, 8).toUpperCase();
    fraudCase.status = CaseStatus.RECEIVED;
    fraudCase.openedAt = now;
    fraudCase.updatedAt = now;
    fraudCase.persist();

    CaseTip caseTip = new CaseTip();
    caseTip.tipId = tip.tipId();
    caseTip.caseId = fraudCase.id;
    caseTip.receivedAt = tip.receivedAt();
    caseTip.provinceCode = tip.provinceCode();
    caseTip.amountLostVnd = tip.amountLostVnd();
    caseTip.payload = Json.write(tip);
    caseTip.persist();

    publish(fraudCase, CaseEventKind.OPENED, List.of(tip.tipId()));
  }

  private void publish(FraudCase c, CaseEventKind kind, List<UUID> tipIds) {
    UUID eventId = UUID.randomUUID();
    outbox.publish(
        Topics.CASES_V1,
        c.id.toString(),
        kind.cloudEventType(),
        eventId,
        new CaseEventV1(
            eventId,
            c.id,
            c.reference,
            kind,
            c.updatedAt,
            c.status,
            c.unitCode,
            null,
            tipIds,
            List.of(),
            List.of(),
            null,
            null));
  }
}
