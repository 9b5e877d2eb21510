package io.fraudtip.notification.service;

import io.fraudtip.contracts.cases.CaseEventV1;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Everything this service does with the cases.v1 events of a polled batch. What the events say of
 * their cases (closures or reopenings and retracted accounts: {@link CaseStates}; their tips, with
 * the {@code case.linked} they call for: {@link CaseLinks}) is recorded in one transaction. The
 * banks' alerts of the kinds they are told about ({@link AlertsFromCases}) follow in a transaction
 * of their own, only when the batch has such events: one or two durable commits per batch where
 * there were one or two per event, which left this consumer behind the tips at 30 tips/s. Not in
 * the same transaction: each counts its accounts in one statement, as a batch of tips does, and a
 * transaction taking account rows in two statements could deadlock with a batch of tips taking the
 * same rows in one.
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

  /** A case event as read from cases.v1, with the trace its alerts continue. */
  public record CaseEvent(UUID eventId, CaseEventV1 event, TraceParent trace) {}

  /**
   * Applies the events of a batch in their order, idempotently (each step dedupes or upserts),
   * their alerts continuing each record's trace.
   */
  public void onCaseEvents(List<CaseEvent> events) {
    // The states first: their statements then find no alert or delivery in the session to flush
    // ahead of the commit.
    QuarkusTransaction.joiningExisting()
        .run(
            () -> {
              states.onCaseEvents(
                  events.stream().map(CaseEvent::event).toList()); // closed: no answers
              links.onCaseEvents(events);
            });
    List<CaseEvent> alerting =
        events.stream().filter(e -> AlertsFromCases.typeOf(e.event()) != null).toList();
    if (!alerting.isEmpty()) {
      alerts.onCaseEvents(alerting);
    }
  }

  /** {@link #onCaseEvents} for one event. */
  public void onCaseEvent(UUID eventId, CaseEventV1 event, TraceParent trace) {
    onCaseEvents(List.of(new CaseEvent(eventId, event, trace)));
  }
}
