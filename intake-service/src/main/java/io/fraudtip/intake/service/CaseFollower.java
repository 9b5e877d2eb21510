package io.fraudtip.intake.service;

import static io.fraudtip.commons.sql.ArrayRows.column;
import static io.fraudtip.commons.sql.ArrayRows.instant;

import io.fraudtip.commons.inbox.ProcessedEvents;
import io.fraudtip.commons.sql.ArrayRows;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.intake.domain.TipStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/** Keeps tips' public status in step with their cases, as cases.v1 tells. */
@ApplicationScoped
public class CaseFollower {
  static final String CASES_CONSUMER = "intake-service.cases";

  private final ProcessedEvents processed;
  private final EntityManager em;

  CaseFollower(ProcessedEvents processed, EntityManager em) {
    this.processed = processed;
    this.em = em;
  }

  /**
   * A cases.v1 event as the consumer read it.
   *
   * @param eventId the CloudEvent id, deduped on
   * @param event the payload
   */
  public record CaseEvent(UUID eventId, CaseEventV1 event) {}

  /**
   * Moves the tips of cases along with them, for a polled batch of case events in one transaction:
   * the events are deduped on their ids at once, their tips locked and read in one query, the
   * events applied in order in memory, and the changed tips and their new history steps written in
   * one statement each (per-event round trips and Hibernate's per-entity work were most of this
   * consumer's cost). A status never moves backwards (events of one case may arrive late after a
   * merge or a redelivery), but for a closed case reopened after its closure; an event already
   * processed has no second effect.
   */
  @Transactional
  public void onCaseEvents(List<CaseEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    Set<UUID> fresh =
        processed.firstTimes(events.stream().map(CaseEvent::eventId).toList(), CASES_CONSUMER);
    List<CaseEventV1> work = new ArrayList<>();
    Set<UUID> tipIds = new LinkedHashSet<>();
    for (CaseEvent e : events) {
      // remove(): an event that comes twice in one batch takes effect once.
      if (fresh.remove(e.eventId()) && e.event().tipIds() != null) {
        work.add(e.event());
        tipIds.addAll(e.event().tipIds());
      }
    }
    if (tipIds.isEmpty()) {
      return;
    }
    em.unwrap(Session.class).doWork(c -> follow(c, work, tipIds));
  }

  private static void follow(Connection c, List<CaseEventV1> events, Set<UUID> tipIds)
      throws SQLException {
    Map<UUID, TipUpdate> tips = new HashMap<>();
    // Locked in id order, so that two instances following merged cases cannot deadlock.
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id, status, case_reference, updated_at, case_placed_at FROM tip"
                + " WHERE id = ANY(?)"
                + " ORDER BY id FOR UPDATE")) {
      s.setArray(1, c.createArrayOf("uuid", tipIds.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          UUID id = rs.getObject(1, UUID.class);
          TipUpdate tip = new TipUpdate(id, TipStatus.valueOf(rs.getString(2)), rs.getString(3));
          java.sql.Timestamp at = rs.getTimestamp(4);
          tip.updatedAt = at == null ? null : at.toInstant();
          java.sql.Timestamp placed = rs.getTimestamp(5);
          tip.placedAt = placed == null ? null : placed.toInstant();
          tips.put(id, tip);
        }
      }
    }
    List<TipRows.HistoryStep> history = new ArrayList<>();
    Map<UUID, TipUpdate> changed = new LinkedHashMap<>();
    for (CaseEventV1 event : events) {
      TipStatus status = event.status() == null ? null : TipStatus.of(event.status());
      String movedNote = movedNote(event.kind());
      for (UUID tipId : event.tipIds()) {
        TipUpdate tip = tips.get(tipId);
        if (tip == null) {
          continue;
        }
        if (!Objects.equals(tip.caseReference, event.caseReference())) {
          if (olderThanPlacement(tip, event)) {
            // Another case's event from before the tip was placed where it is (a merged case's,
            // delivered late from its own partition): it says nothing of the tip now.
            continue;
          }
          boolean moved = tip.caseReference != null && movedNote != null;
          tip.caseReference = event.caseReference();
          tip.placedAt = event.occurredAt();
          changed.put(tipId, tip);
          if (moved) {
            // The citizen sees the move: a step at the status the tip has now or the new case's,
            // whichever is further (a status never moves backwards).
            if (status != null && status.compareTo(tip.status) > 0) {
              tip.status = status;
            }
            tip.updatedAt = event.occurredAt();
            history.add(new TipRows.HistoryStep(tipId, tip.status, event.occurredAt(), movedNote));
            continue;
          }
        }
        if (reopens(tip, event, status)) {
          tip.status = status;
          tip.updatedAt = event.occurredAt();
          changed.put(tipId, tip);
          history.add(new TipRows.HistoryStep(tipId, status, event.occurredAt(), REOPENED));
        } else if (status != null && status.compareTo(tip.status) > 0) {
          tip.status = status;
          tip.updatedAt = event.occurredAt();
          changed.put(tipId, tip);
          history.add(
              new TipRows.HistoryStep(tipId, status, event.occurredAt(), status.publicNote()));
        }
      }
    }
    if (!changed.isEmpty()) {
      updateTips(c, changed.values());
    }
    if (!history.isEmpty()) {
      TipRows.insertHistory(c, history);
    }
  }

  private static boolean olderThanPlacement(TipUpdate tip, CaseEventV1 event) {
    return tip.placedAt != null
        && event.occurredAt() != null
        && event.occurredAt().isBefore(tip.placedAt);
  }

  /** The public note of a tip whose closed case was reopened. */
  static final String REOPENED = "Case reopened";

  /**
   * Whether the event reopens the tip's closed case: the one way a status moves back. Only a status
   * change of the tip's own case, newer than the closure (an event of before the closure, delivered
   * late, does not undo it).
   */
  private static boolean reopens(TipUpdate tip, CaseEventV1 event, TipStatus status) {
    return tip.status == TipStatus.CLOSED
        && status != null
        && status != TipStatus.CLOSED
        && event.kind() == CaseEventKind.STATUS_CHANGED
        && Objects.equals(tip.caseReference, event.caseReference())
        && event.occurredAt() != null
        && (tip.updatedAt == null || event.occurredAt().isAfter(tip.updatedAt));
  }

  private static void updateTips(Connection c, Collection<TipUpdate> tips) throws SQLException {
    ArrayRows.execute(
        c,
        "UPDATE tip SET status = v.status, case_reference = v.case_reference,"
            + " updated_at = COALESCE(v.updated_at, tip.updated_at),"
            + " case_placed_at = COALESCE(v.placed_at, tip.case_placed_at),"
            + " version = tip.version + 1"
            + " FROM unnest(?, ?, ?, CAST(? AS timestamptz[]), CAST(? AS timestamptz[]))"
            + " AS v(id, status, case_reference, updated_at, placed_at) WHERE tip.id = v.id",
        List.copyOf(tips),
        column("uuid", (TipUpdate t) -> t.id),
        column("text", (TipUpdate t) -> t.status.name()),
        column("text", (TipUpdate t) -> t.caseReference),
        instant((TipUpdate t) -> t.updatedAt),
        instant((TipUpdate t) -> t.placedAt));
  }

  /** A tip's case-following state while a batch is applied. */
  private static final class TipUpdate {
    final UUID id;
    TipStatus status;
    String caseReference;
    Instant updatedAt;

    /** When the event that placed it in its case happened (null before this was kept). */
    Instant placedAt;

    TipUpdate(UUID id, TipStatus status, String caseReference) {
      this.id = id;
      this.status = status;
      this.caseReference = caseReference;
    }
  }

  /**
   * The public note of a tip moved to another case by an event of this kind, or null when the kind
   * moves no tip that way: a merge (by tips or by a unit's hand) or a unit's split. No personal
   * data, no other case's reference.
   */
  private static String movedNote(CaseEventKind kind) {
    if (kind == null) {
      return null; // a kind this reader does not know: its status and tips as usual
    }
    return switch (kind) {
      case MERGED -> "Joined with another case";
      case SPLIT -> "Handled as a separate case";
      case OPENED,
          ASSIGNED,
          ACKNOWLEDGED,
          STATUS_CHANGED,
          ESCALATED,
          FREEZE_REQUESTED,
          CLOSED,
          IDENTIFIER_DELISTED,
          LEGAL_DEADLINE_CHANGED,
          ACCOUNT_TRACED,
          HOLD_EXTENDED,
          HOLD_LIFTED,
          HOLD_EXPIRED,
          IDENTIFIER_ADDED,
          IDENTIFIER_RELISTED ->
          null;
    };
  }
}
