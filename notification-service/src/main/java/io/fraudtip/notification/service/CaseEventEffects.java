package io.fraudtip.notification.service;

import io.fraudtip.contracts.cases.CaseEventV1;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Everything this service does with one cases.v1 event. What the event says of the case (its
 * closure or reopening and retracted accounts: {@link CaseStates}; its tips, with the {@code
 * case.linked} they call for: {@link CaseLinks}) is recorded in one transaction. The banks' alerts
 * of the kinds they are told about ({@link AlertsFromCases}) follow in a transaction of their own,
 * only for those kinds: one durable commit per event where there were three, two for those kinds.
 * Not in the same transaction: the alerts count their accounts in a statement of their own, as
 * {@code case.linked} does, and a transaction taking account rows in two statements could deadlock
 * with a batch of tips taking the same rows in one.
 */
@ApplicationScoped
public class CaseEventEffects {
  private final CaseStates states;
  private final CaseLinks links;
  private final AlertsFromCases alerts;

  CaseEventEffects(CaseStates states, CaseLinks links, AlertsFromCases alerts) {
    this.states = states;
    this.links = links;
    this.alerts = alerts;
  }

  /**
   * Applies a case event, idempotently (each step dedupes or upserts), its alerts continuing the
   * record's trace.
   */
  public void onCaseEvent(UUID eventId, CaseEventV1 event, TraceParent trace) {
    // The states first: their statement then finds no alert or delivery in the session to flush
    // ahead of the commit.
    QuarkusTransaction.joiningExisting()
        .run(
            () -> {
              states.onCaseEvent(event); // closed cases refuse answers (SPEC §10)
              links.onCaseEvent(eventId, event, trace);
            });
    if (AlertsFromCases.typeOf(event) != null) {
      alerts.onCaseEvent(eventId, event, trace);
    }
  }
}
