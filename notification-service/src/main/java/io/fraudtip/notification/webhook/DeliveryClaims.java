package io.fraudtip.notification.webhook;

import io.fraudtip.commons.sql.PgArrays;
import io.fraudtip.commons.time.Timestamps;
import io.fraudtip.notification.config.WebhookConfig;
import io.fraudtip.notification.domain.BankEndpoint;
import io.fraudtip.notification.domain.Delivery;
import io.fraudtip.notification.domain.DeliveryState;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Claims due deliveries for the dispatcher with {@code FOR UPDATE SKIP LOCKED} and leases them
 * (next_attempt_at moves past the request's timeouts), so that several instances never send the
 * same attempt and a crash mid-request only delays it. A claim takes no more of an endpoint's due
 * rows than it has free slots ({@link EndpointSlots}, shared with the hand-off): a slow or dead
 * bank holds only its own slots and never delays another.
 */
@ApplicationScoped
public class DeliveryClaims {
  private static final long LEASE_MARGIN_MS = 30_000;

  /**
   * What a delivery waiting in memory must have left of its lease, besides its request's timeouts,
   * to be sent: time to record the answer, and for the clocks of this instance and the database.
   */
  private static final long SEND_MARGIN_MS = LEASE_MARGIN_MS / 2;

  private static final Logger LOG = Logger.getLogger(DeliveryClaims.class);

  private final WebhookConfig config;
  private final EntityManager em;
  private final SigningSecrets signing;
  private final EndpointSlots slots;

  DeliveryClaims(
      WebhookConfig config, EntityManager em, SigningSecrets signing, EndpointSlots slots) {
    this.config = config;
    this.em = em;
    this.signing = signing;
    this.slots = slots;
  }

  /** Claims and leases a batch of due deliveries, in a transaction of its own. */
  List<ClaimedDelivery> claimBatch() {
    List<ClaimedDelivery> claimed = QuarkusTransaction.requiringNew().call(this::claim);
    // Counted once the lease is committed; only the dispatcher's thread adds, answers subtract.
    claimed.forEach(c -> slots.take(c.endpointId()));
    return claimed;
  }

  @SuppressWarnings("unchecked")
  List<ClaimedDelivery> claim() {
    int max = slots.max();
    String busy = slots.full();
    // A lease lost in a database crash only makes the attempt due again (the bank dedupes on the
    // webhook-id), so the claim need not wait for its commit to reach the disk: one fsync less on
    // the fast path.
    em.createNativeQuery("SET LOCAL synchronous_commit = off").executeUpdate();
    // Per endpoint, at most its slot count of due rows is taken and locked, so that one bank's
    // backlog neither fills the batch nor gets locked row by row on every claim.
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT d.id, d.webhook_id, d.endpoint_id, e.url, e.secret_sealed,"
                    + " e.previous_secret_sealed,"
                    + " e.previous_secret_until, a.payload, a.event_type, a.traceparent,"
                    + " a.tracestate, e.older_secret_sealed, e.older_secret_until, d.lease"
                    + " FROM bank_endpoint e"
                    + " CROSS JOIN LATERAL (SELECT x.id, x.webhook_id, x.endpoint_id, x.alert_id,"
                    + " x.next_attempt_at, x.lease FROM delivery x"
                    + " WHERE x.endpoint_id = e.id AND x.state = 'PENDING'"
                    + " AND x.next_attempt_at <= now()"
                    + " ORDER BY x.next_attempt_at LIMIT :slots FOR UPDATE SKIP LOCKED) d"
                    + " JOIN alert a ON a.id = d.alert_id"
                    + " WHERE e.active AND NOT (e.id = ANY (CAST(:busy AS uuid[])))"
                    + " ORDER BY d.next_attempt_at LIMIT :limit")
            .setParameter("busy", busy)
            .setParameter("slots", max)
            .setParameter("limit", config.batchSize())
            .getResultList();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<UUID, Integer> taken = new HashMap<>();
    List<ClaimedDelivery> chosen = new ArrayList<>();
    Instant now = Instant.now();
    for (Object[] r : rows) {
      UUID endpointId = (UUID) r[2];
      int load = slots.taken(endpointId) + taken.getOrDefault(endpointId, 0);
      if (load >= max) {
        continue; // stays due, unlocked at commit; taken once a slot frees
      }
      taken.merge(endpointId, 1, Integer::sum);
      List<String> secrets =
          secretsOf(
              endpointId,
              (String) r[4],
              (String) r[5],
              Timestamps.fromColumn(r[6]),
              (String) r[11],
              Timestamps.fromColumn(r[12]),
              now);
      chosen.add(
          new ClaimedDelivery(
              (UUID) r[0],
              (String) r[1],
              endpointId,
              (String) r[3],
              secrets,
              (String) r[7],
              (String) r[8],
              (String) r[9],
              (String) r[10],
              0,
              // Locked, so the row's next lease is this one.
              ((Number) r[13]).intValue() + 1));
    }
    em.createNativeQuery(
            "UPDATE delivery SET next_attempt_at = now() + CAST(:lease AS interval),"
                + " lease = lease + 1, leased = true WHERE id = ANY (CAST(:ids AS uuid[]))")
        .setParameter("lease", leaseMs() + " milliseconds")
        .setParameter("ids", PgArrays.of(chosen.stream().map(ClaimedDelivery::deliveryId).toList()))
        .executeUpdate();
    return chosen;
  }

  /** How long a claimed attempt keeps its row: past the request's timeouts, with a margin. */
  long leaseMs() {
    return requestMs() + LEASE_MARGIN_MS;
  }

  /**
   * Whether an attempt of the delivery is under way: leased, and the lease running, at most a
   * lease's length ahead (a retry's time is not a lease, even on a row whose lease was never
   * answered: its instance stopped, or the endpoint's line was dropped).
   */
  public boolean inFlight(Delivery d, Instant now) {
    return d.state == DeliveryState.PENDING
        && d.leased
        && d.nextAttemptAt != null
        && d.nextAttemptAt.isAfter(now)
        && !d.nextAttemptAt.isAfter(now.plusMillis(leaseMs()));
  }

  /** The longest a request may take: connecting, then waiting for the answer. */
  private long requestMs() {
    return config.connectTimeout().toMillis() + config.readTimeout().toMillis();
  }

  /**
   * Puts deliveries handed over in memory (already leased to this instance, each with the place the
   * hand-off reserved) in line for their endpoints' slots, and takes those waiting as far as slots
   * are free. One whose lease would end before its request and the recording of its answer could
   * finish is not sent: its lease is given up, so that a claim takes it at once (by then the line
   * was long for a long time).
   *
   * @return the deliveries to send now, and whether to claim: a line that had run out of places
   *     emptied (a claim may find the rows written due meanwhile), or a lease was given up
   */
  Admitted admit(List<ClaimedDelivery> handed) {
    handed.forEach(slots::queue);
    List<ClaimedDelivery> admitted = new ArrayList<>();
    List<ClaimedDelivery> late = new ArrayList<>();
    long sendBy = System.currentTimeMillis() + requestMs() + SEND_MARGIN_MS;
    boolean overflowedLineEmptied =
        slots.admitWaiting(
            d -> {
              if (d.leasedUntilMs() > sendBy) {
                admitted.add(d);
                return true;
              }
              late.add(d);
              return false;
            });
    if (!late.isEmpty()) {
      giveUp(late);
    }
    return new Admitted(admitted, overflowedLineEmptied || !late.isEmpty());
  }

  /**
   * Makes deliveries that waited too long in memory due at once, each only while it still holds the
   * hand-off's lease: one whose lease has ended may have been claimed (the next lease) and be in
   * flight elsewhere. If this fails, the leases end on their own.
   */
  private void giveUp(List<ClaimedDelivery> late) {
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  em.createNativeQuery(
                          "UPDATE delivery d SET next_attempt_at = now(), leased = false"
                              + " FROM unnest(CAST(:ids AS uuid[]), CAST(:leases AS int4[]))"
                              + " AS v(id, lease)"
                              + " WHERE d.id = v.id AND d.state = 'PENDING' AND d.leased"
                              + " AND d.lease = v.lease")
                      .setParameter(
                          "ids",
                          PgArrays.of(late.stream().map(ClaimedDelivery::deliveryId).toList()))
                      .setParameter(
                          "leases", PgArrays.of(late.stream().map(ClaimedDelivery::lease).toList()))
                      .executeUpdate());
    } catch (RuntimeException e) {
      LOG.warnf(
          "Could not make %d deliveries due that waited too long for a slot (due when their leases"
              + " end): %s",
          late.size(), e.getMessage());
    }
  }

  /**
   * What {@link #admit} lets through.
   *
   * @param send the deliveries to send now
   * @param claim whether to claim from the database too
   */
  record Admitted(List<ClaimedDelivery> send, boolean claim) {}

  /**
   * The signing secrets in force on an endpoint: its own, and the earlier ones whose rotation's
   * grace has not ended.
   */
  List<String> secretsOf(BankEndpoint e, Instant now) {
    return secretsOf(
        e.id,
        e.secretSealed,
        e.previousSecretSealed,
        e.previousSecretUntil,
        e.olderSecretSealed,
        e.olderSecretUntil,
        now);
  }

  private List<String> secretsOf(
      UUID endpointId,
      String sealed,
      String previousSealed,
      Instant previousUntil,
      String olderSealed,
      Instant olderUntil,
      Instant now) {
    List<String> secrets = new ArrayList<>(3);
    secrets.add(signing.open(endpointId, sealed));
    if (previousSealed != null && previousUntil != null && previousUntil.isAfter(now)) {
      secrets.add(signing.open(endpointId, previousSealed));
    }
    if (olderSealed != null && olderUntil != null && olderUntil.isAfter(now)) {
      secrets.add(signing.open(endpointId, olderSealed));
    }
    return secrets;
  }
}
