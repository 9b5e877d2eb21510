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
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
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
  private final EntityManager em;

  TipService(
      TipNormaliser normaliser,
      TrackingCodes trackingCodes,
      Outbox outbox,
      ProcessedEvents processed,
      IdempotencyKeys idempotency,
      PersonalDataCipher cipher,
      PlatformMetrics metrics,
      EntityManager em) {
    this.normaliser = normaliser;
    this.trackingCodes = trackingCodes;
    this.outbox = outbox;
    this.processed = processed;
    this.idempotency = idempotency;
    this.cipher = cipher;
    this.metrics = metrics;
    this.em = em;
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
   * merge or a redelivery); an event already processed has no second effect.
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
            "SELECT id, status, case_reference FROM tip WHERE id = ANY(?) ORDER BY id FOR UPDATE")) {
      s.setArray(1, c.createArrayOf("uuid", tipIds.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          UUID id = rs.getObject(1, UUID.class);
          tips.put(id, new TipUpdate(id, TipStatus.valueOf(rs.getString(2)), rs.getString(3)));
        }
      }
    }
    List<HistoryStep> history = new ArrayList<>();
    Map<UUID, TipUpdate> changed = new LinkedHashMap<>();
    for (CaseEventV1 event : events) {
      TipStatus status = event.status() == null ? null : TipStatus.of(event.status());
      for (UUID tipId : event.tipIds()) {
        TipUpdate tip = tips.get(tipId);
        if (tip == null) {
          continue;
        }
        if (!Objects.equals(tip.caseReference, event.caseReference())) {
          tip.caseReference = event.caseReference();
          changed.put(tipId, tip);
        }
        if (status != null && status.compareTo(tip.status) > 0) {
          tip.status = status;
          tip.updatedAt = event.occurredAt();
          changed.put(tipId, tip);
          history.add(new HistoryStep(tipId, status, event.occurredAt(), publicNote(status)));
        }
      }
    }
    if (!changed.isEmpty()) {
      updateTips(c, changed.values());
    }
    if (!history.isEmpty()) {
      insertHistory(c, history);
    }
  }

  private static void updateTips(Connection c, Collection<TipUpdate> tips) throws SQLException {
    int n = tips.size();
    Object[] ids = new Object[n];
    Object[] statuses = new Object[n];
    Object[] references = new Object[n];
    Object[] updatedAt = new Object[n];
    int i = 0;
    for (TipUpdate t : tips) {
      ids[i] = t.id;
      statuses[i] = t.status.name();
      references[i] = t.caseReference;
      updatedAt[i] = t.updatedAt == null ? null : t.updatedAt.toString();
      i++;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE tip SET status = v.status, case_reference = v.case_reference,"
                + " updated_at = COALESCE(v.updated_at, tip.updated_at), version = tip.version + 1"
                + " FROM unnest(?, ?, ?, CAST(? AS timestamptz[]))"
                + " AS v(id, status, case_reference, updated_at) WHERE tip.id = v.id")) {
      s.setArray(1, c.createArrayOf("uuid", ids));
      s.setArray(2, c.createArrayOf("text", statuses));
      s.setArray(3, c.createArrayOf("text", references));
      s.setArray(4, c.createArrayOf("text", updatedAt));
      s.executeUpdate();
    }
  }

  private static void insertHistory(Connection c, List<HistoryStep> history) throws SQLException {
    int n = history.size();
    Object[] tipIds = new Object[n];
    Object[] statuses = new Object[n];
    Object[] at = new Object[n];
    Object[] notes = new Object[n];
    for (int i = 0; i < n; i++) {
      HistoryStep h = history.get(i);
      tipIds[i] = h.tipId();
      statuses[i] = h.status().name();
      at[i] = h.at() == null ? null : h.at().toString();
      notes[i] = h.note();
    }
    // WITH ORDINALITY keeps the steps' ids in the order they happened.
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO tip_history (tip_id, status, at, note)"
                + " SELECT tip_id, status, at, note"
                + " FROM unnest(?, ?, CAST(? AS timestamptz[]), ?) WITH ORDINALITY"
                + " AS h(tip_id, status, at, note, n) ORDER BY n")) {
      s.setArray(1, c.createArrayOf("uuid", tipIds));
      s.setArray(2, c.createArrayOf("text", statuses));
      s.setArray(3, c.createArrayOf("text", at));
      s.setArray(4, c.createArrayOf("text", notes));
      s.executeUpdate();
    }
  }

  /** A new step of a tip's public history. */
  private record HistoryStep(UUID tipId, TipStatus status, Instant at, String note) {}

  /** A tip's case-following state while a batch is applied. */
  private static final class TipUpdate {
    final UUID id;
    TipStatus status;
    String caseReference;
    Instant updatedAt;

    TipUpdate(UUID id, TipStatus status, String caseReference) {
      this.id = id;
      this.status = status;
      this.caseReference = caseReference;
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
