package io.fraudtip.notification.service;

import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.commons.time.Timestamps;
import io.fraudtip.commons.tx.Snapshot;
import io.fraudtip.notification.api.AttemptView;
import io.fraudtip.notification.api.DeliveryDetail;
import io.fraudtip.notification.api.DeliveryView;
import io.fraudtip.notification.api.NoticeView;
import io.fraudtip.notification.domain.BankEndpoint;
import io.fraudtip.notification.domain.Delivery;
import io.fraudtip.notification.domain.DeliveryAttempt;
import io.fraudtip.notification.domain.DeliveryState;
import io.fraudtip.notification.domain.OperatorNotice;
import io.fraudtip.notification.webhook.DeliveryClaims;
import io.fraudtip.notification.webhook.DeliveryWakeUp;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The delivery log, read by the bank (its own deliveries only) and operators, and replays: a replay
 * sends the same message again, with the same webhook-id, starting a new round of the schedule. A
 * replay of a delivery whose attempt is in flight sends nothing more: that attempt's answer starts
 * the new round.
 */
@ApplicationScoped
public class DeliveryLog {
  private final EntityManager em;
  private final DeliveryWakeUp wakeUp;
  private final DeliveryClaims claims;

  DeliveryLog(EntityManager em, DeliveryWakeUp wakeUp, DeliveryClaims claims) {
    this.em = em;
    this.wakeUp = wakeUp;
    this.claims = claims;
  }

  /** A page of deliveries, newest first: the bank's own, or any bank's for operators. */
  @Transactional
  public ListQuery.Page<DeliveryView> list(
      Optional<String> bankScope, Optional<UUID> endpointId, Optional<UUID> alertId, ListQuery q) {
    List<String> where = new ArrayList<>();
    Parameters params = new Parameters();
    bankScope.ifPresent(b -> add(where, params, "bankBin = :bank", "bank", b));
    endpointId.ifPresent(e -> add(where, params, "endpointId = :endpoint", "endpoint", e));
    alertId.ifPresent(a -> add(where, params, "alertId = :alert", "alert", a));
    q.type().ifPresent(t -> add(where, params, "eventType = :type", "type", t));
    q.state()
        .ifPresent(s -> add(where, params, "state = :state", "state", DeliveryState.valueOf(s)));
    q.account()
        .ifPresent(
            a ->
                add(
                    where,
                    params,
                    "alertId in (select a.id from Alert a where a.accountNumber = :account)",
                    "account",
                    a));
    String order = q.pageClauses(where, params);
    List<Delivery> rows =
        Delivery.<Delivery>find((String.join(" and ", where) + order).trim(), params)
            .page(0, q.limit() + 1)
            .list();
    return q.page(rows, DeliveryLog::view, d -> new ListQuery.Cursor(d.createdAt, d.id));
  }

  /** One delivery and its attempts, as they stood at one moment. */
  @Transactional
  public DeliveryDetail get(Optional<String> bankScope, UUID id) {
    Snapshot.begin(em);
    Delivery d = find(bankScope, id);
    List<AttemptView> attempts =
        DeliveryAttempt.<DeliveryAttempt>list("deliveryId = ?1 order by id", d.id).stream()
            .map(
                a ->
                    new AttemptView(
                        a.attempt,
                        a.attemptedAt,
                        a.latencyMs,
                        a.statusCode,
                        a.outcome,
                        a.responseBody,
                        a.error))
            .toList();
    return new DeliveryDetail(view(d), attempts);
  }

  /**
   * Sends one message again, now, with the same webhook-id; or, while an attempt is in flight,
   * counts that attempt as the new round's first (sending it again beside it would only reach the
   * bank twice at once).
   */
  @Transactional
  public DeliveryView replay(Optional<String> bankScope, UUID id) {
    // Read locked against the recorder and the claim, which change the lease and the round.
    Delivery d =
        Delivery.visibleTo(id, bankScope, LockModeType.PESSIMISTIC_WRITE)
            .orElseThrow(() -> ProblemException.notFound("Delivery"));
    BankEndpoint endpoint = BankEndpoint.findById(d.endpointId);
    if (endpoint == null || endpoint.removedAt != null) {
      throw ProblemException.conflict(
          "endpoint-removed", "The endpoint was removed: its deliveries are not sent again");
    }
    requireActive(endpoint);
    Instant now = Instant.now();
    if (claims.inFlight(d, now)) {
      d.attempts = 0;
      return view(d);
    }
    restart(d, now);
    wakeUp.wakeAfterCommit();
    return view(d);
  }

  /** Refuses (409) a replay to a disabled endpoint: it would wait unsent until enabled. */
  private static void requireActive(BankEndpoint endpoint) {
    if (!endpoint.active) {
      throw ProblemException.conflict(
          "endpoint-disabled", "The endpoint is disabled; enable it before replaying");
    }
  }

  /** Sends again every delivery (of the bank, or of one endpoint) that failed since a time. */
  @Transactional
  public int replayFailed(Optional<String> bankScope, Optional<UUID> endpointId, Instant since) {
    if (endpointId.isPresent()) {
      BankEndpoint endpoint =
          BankEndpoint.visibleTo(endpointId.get(), bankScope)
              .orElseThrow(() -> ProblemException.notFound("Endpoint"));
      // As for one delivery: a replay to a disabled endpoint would wait unsent, and 0 replayed
      // read as nothing failed.
      requireActive(endpoint);
    }
    int count =
        em.createNativeQuery(
                "UPDATE delivery d SET state = 'PENDING', attempts = 0, next_attempt_at = now(),"
                    + " completed_at = NULL, leased = false"
                    + " FROM bank_endpoint e WHERE e.id = d.endpoint_id AND e.active"
                    + " AND d.state = 'FAILED' AND d.completed_at >= :since"
                    + " AND (CAST(:bank AS varchar) IS NULL OR d.bank_bin = CAST(:bank AS varchar))"
                    + " AND (CAST(:endpoint AS uuid) IS NULL OR d.endpoint_id = CAST(:endpoint AS uuid))")
            .setParameter("since", Timestamps.asFilterBound(since))
            .setParameter("bank", bankScope.orElse(null))
            .setParameter("endpoint", endpointId.map(UUID::toString).orElse(null))
            .executeUpdate();
    if (count > 0) {
      wakeUp.wakeAfterCommit();
    }
    return count;
  }

  @Transactional
  public List<NoticeView> notices(Optional<Instant> since) {
    List<OperatorNotice> notices =
        since
            .map(
                s ->
                    OperatorNotice.<OperatorNotice>list(
                        "createdAt >= ?1 order by createdAt desc", Timestamps.asFilterBound(s)))
            .orElseGet(() -> OperatorNotice.list("order by createdAt desc"));
    return notices.stream()
        .map(n -> new NoticeView(n.id, n.kind, n.bankBin, n.endpointId, n.message, n.createdAt))
        .toList();
  }

  /**
   * A new round, due now, that no attempt holds yet: the failure of one whose lease ran out and is
   * still somewhere on its way counts in no round (a success still counts: the bank has it).
   */
  private static void restart(Delivery d, Instant now) {
    d.state = DeliveryState.PENDING;
    d.attempts = 0;
    d.nextAttemptAt = now;
    d.completedAt = null;
    d.leased = false;
  }

  private static Delivery find(Optional<String> bankScope, UUID id) {
    return Delivery.visibleTo(id, bankScope)
        .orElseThrow(() -> ProblemException.notFound("Delivery"));
  }

  private static void add(
      List<String> where, Parameters params, String clause, String name, Object value) {
    where.add(clause);
    params.and(name, value);
  }

  static DeliveryView view(Delivery d) {
    return new DeliveryView(
        d.id,
        d.webhookId,
        d.alertId,
        d.endpointId,
        d.bankBin,
        d.eventType,
        d.state,
        d.attempts,
        d.totalAttempts,
        d.nextAttemptAt,
        d.lastAttemptAt,
        d.lastStatus,
        d.lastError,
        d.createdAt,
        d.completedAt);
  }
}
