package io.fraudtip.notification.messaging;

import io.fraudtip.commons.inbox.EventHandling;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.notification.service.AlertsFromCases;
import io.fraudtip.notification.service.CaseEventEffects;
import io.fraudtip.notification.service.CaseLinks;
import io.fraudtip.notification.service.CaseStates;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Raises freeze requests, confirmations and retractions from cases.v1, and keeps what this service
 * knows of cases, a polled batch at a time, one batch after the other so that each partition's
 * events apply in order ({@link CaseEventEffects}). A record that cannot be read, or an event that
 * fails on its own, goes alone to cases.v1.notification-service.dlt ({@link
 * EventHandling#handleBatch}). The alerts keep the record's trace context, so that their webhooks
 * continue the case's trace. Kinds neither {@link CaseStates} nor {@link AlertsFromCases} acts on
 * are skipped by their CloudEvent type, unread; a kind this reader does not know is read (its
 * status may reopen a case).
 */
@ApplicationScoped
public class CasesConsumer {
  private static final Set<String> UNUSED_TYPES =
      Arrays.stream(CaseEventKind.values())
          .filter(k -> !uses(k))
          .map(CaseEventKind::cloudEventType)
          .collect(Collectors.toUnmodifiableSet());

  private final CaseEventEffects effects;

  CasesConsumer(CaseEventEffects effects) {
    this.effects = effects;
  }

  @Incoming("cases")
  @Blocking
  public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
    return EventHandling.handleBatch(
        batch,
        type -> !UNUSED_TYPES.contains(type),
        CaseEventV1.class,
        events ->
            effects.onCaseEvents(
                events.stream()
                    .map(
                        e ->
                            new CaseEventEffects.CaseEvent(
                                e.eventId(), e.payload(), RecordTrace.of(e.headers())))
                    .toList()));
  }

  /**
   * Whether this service acts on a kind: a webhook ({@link AlertsFromCases#typeOf}), a closure or a
   * delisting ({@link CaseStates}), a reopening, which case-service publishes as STATUS_CHANGED, or
   * tips joining a case ({@link CaseLinks}: a new case, a tip added, a merge, a split, and the
   * routing that may announce a tip added instead). The kinds skipped never follow a closure
   * without a STATUS_CHANGED first, and add no tip.
   */
  static boolean uses(CaseEventKind kind) {
    return switch (kind) {
      case OPENED,
          ASSIGNED,
          ESCALATED,
          STATUS_CHANGED,
          MERGED,
          FREEZE_REQUESTED,
          CLOSED,
          IDENTIFIER_DELISTED,
          ACCOUNT_TRACED,
          HOLD_EXTENDED,
          HOLD_LIFTED,
          HOLD_EXPIRED,
          IDENTIFIER_ADDED,
          IDENTIFIER_RELISTED,
          SPLIT ->
          true;
      case ACKNOWLEDGED, LEGAL_DEADLINE_CHANGED -> false;
    };
  }
}
