package io.fraudtip.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.Formula;

/** What one bank is told about one of its accounts. */
@Entity
@Table(name = "alert")
public class Alert extends PanacheEntityBase {
  public static final String ACCOUNT_REPORTED = "account.reported";
  public static final String FREEZE_REQUESTED = "freeze.requested";
  public static final String CASE_CONFIRMED = "case.confirmed";
  public static final String ALERT_RETRACTED = "alert.retracted";

  /** Another bank's answer traced money on to the account: an advisory, never an order. */
  public static final String ACCOUNT_TRACED = "account.traced";

  /**
   * The case's unit extended the hold a freeze request asked for: the new expiry and the reason. A
   * police order, like the freeze request it extends.
   */
  public static final String HOLD_EXTENDED = "hold.extended";

  /**
   * A hold ended before its expiry (the unit lifted it, or the case was closed as unfounded or a
   * dispute delisted the account), with the reason: the bank may release what it held.
   */
  public static final String HOLD_LIFTED = "hold.lifted";

  /** A hold reached its expiry without an extension: the police authority to hold ends. */
  public static final String HOLD_EXPIRED = "hold.expired";

  /**
   * The case of a tip became known after the tip's {@code account.reported} alerts went out: the
   * case id and reference for the account, naming the alerts it completes.
   */
  public static final String CASE_LINKED = "case.linked";

  /**
   * One of the bank's endpoints was disabled (by failures, a 410, or the bank): sent to its other
   * active endpoints whatever types they take, so that the bank learns it where it still listens.
   */
  public static final String ENDPOINT_DISABLED = "endpoint.disabled";

  /** Every event type a bank can subscribe an endpoint to. */
  public static final java.util.List<String> TYPES =
      java.util.List.of(
          ACCOUNT_REPORTED,
          CASE_LINKED,
          ACCOUNT_TRACED,
          FREEZE_REQUESTED,
          CASE_CONFIRMED,
          ALERT_RETRACTED,
          HOLD_EXTENDED,
          HOLD_LIFTED,
          HOLD_EXPIRED,
          ENDPOINT_DISABLED);

  @Id public UUID id;

  /** The Kafka event that raised the alert: the same event consumed twice makes one alert. */
  @Column(name = "source_event_id", nullable = false)
  public UUID sourceEventId;

  @Column(name = "event_type", nullable = false)
  public String eventType;

  @Column(name = "bank_bin", nullable = false)
  public String bankBin;

  /** The account; null for {@link #ENDPOINT_DISABLED}, which is about an endpoint. */
  @Column(name = "account_number")
  public String accountNumber;

  @Column(name = "tip_id")
  public UUID tipId;

  @Column(name = "case_id")
  public UUID caseId;

  @Column(nullable = false)
  public int layer;

  /** Per-account sequence: a receiver drops an alert older than one it already has. */
  @Column(nullable = false)
  public long sequence;

  /** True for everything but a police unit's order to hold (freeze.requested, hold.extended). */
  @Column(nullable = false)
  public boolean advisory;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  /**
   * When the cause happened: the tip's receipt for {@code account.reported}, the case event's time
   * otherwise (null for alerts raised before it was kept).
   */
  @Column(name = "triggered_at")
  public Instant triggeredAt;

  /**
   * When one of the bank's endpoints first answered 2xx; set once, in a row of its own ({@code
   * alert_delivered}, see V1.11.0), so that it does not rewrite the alert.
   */
  @Formula("(SELECT d.delivered_at FROM alert_delivered d WHERE d.alert_id = id)")
  public Instant deliveredAt;

  /**
   * The W3C {@code traceparent} of the Kafka record that raised the alert: every attempt to deliver
   * it (retries and replays too) is a span of that trace. Null when the record carried none.
   */
  @Column(name = "traceparent")
  public String traceparent;

  /** The W3C {@code tracestate} that came with {@link #traceparent}, or null. */
  @Column(name = "tracestate")
  public String tracestate;

  /** The webhook body sent to the bank, the same on every attempt. */
  @Column(nullable = false)
  public String payload;

  /** The alert, if the caller's bank may see it: another bank's alert does not exist for it. */
  public static Optional<Alert> visibleTo(UUID id, Optional<String> bankBin) {
    return Alert.<Alert>findByIdOptional(id)
        .filter(a -> bankBin.isEmpty() || bankBin.get().equals(a.bankBin));
  }
}
