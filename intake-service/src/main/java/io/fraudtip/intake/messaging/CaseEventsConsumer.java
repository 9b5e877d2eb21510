package io.fraudtip.intake.messaging;

import io.fraudtip.commons.inbox.EventHandling;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.intake.service.CaseFollower;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows cases.v1 so that each tip's public status follows its case, a polled batch at a time in
 * one transaction. A record that cannot be read, or an event that fails on its own, goes alone to
 * cases.v1.intake-service.dlt ({@link EventHandling#handleBatch}). Batches run one after another,
 * in poll order, so that a case's events are applied in the order they happened. Kinds that change
 * neither a case's status nor its tips are skipped by their CloudEvent type, unread; a kind this
 * reader does not know is read.
 */
@ApplicationScoped
public class CaseEventsConsumer {
  private static final Set<String> UNUSED_TYPES =
      Arrays.stream(CaseEventKind.values())
          .filter(k -> !uses(k))
          .map(CaseEventKind::cloudEventType)
          .collect(Collectors.toUnmodifiableSet());

  private final CaseFollower cases;

  CaseEventsConsumer(CaseFollower cases) {
    this.cases = cases;
  }

  @Incoming("cases")
  @Blocking
  public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
    return EventHandling.handleBatch(
        batch,
        type -> !UNUSED_TYPES.contains(type),
        CaseEventV1.class,
        events ->
            cases.onCaseEvents(
                events.stream()
                    .map(e -> new CaseFollower.CaseEvent(e.eventId(), e.payload()))
                    .toList()));
  }

  /**
   * Whether a kind can tell a tip something new: its case's status (which only a change of stage
   * moves: opening, assignment, acknowledgement, a change of state, a merge, an escalation, a
   * closure) or its case (a tip joins through OPENED, STATUS_CHANGED or MERGED, and moves to a new
   * case through SPLIT). The others repeat the status and tips an earlier event of the case already
   * carried (an identifier a unit entered adds no tip).
   */
  static boolean uses(CaseEventKind kind) {
    return switch (kind) {
      case OPENED, ASSIGNED, ACKNOWLEDGED, STATUS_CHANGED, MERGED, ESCALATED, CLOSED, SPLIT -> true;
      case FREEZE_REQUESTED,
          IDENTIFIER_ADDED,
          IDENTIFIER_RELISTED,
          IDENTIFIER_DELISTED,
          LEGAL_DEADLINE_CHANGED,
          ACCOUNT_TRACED,
          HOLD_EXTENDED,
          HOLD_LIFTED,
          HOLD_EXPIRED ->
          false;
    };
  }
}
