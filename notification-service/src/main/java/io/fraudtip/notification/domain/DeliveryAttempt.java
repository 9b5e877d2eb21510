package io.fraudtip.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One attempt of a delivery: the delivery log. */
@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttempt extends PanacheEntityBase {
  public static final String SUCCESS = "SUCCESS";
  public static final String RETRY = "RETRY";
  public static final String FAILED = "FAILED";
  public static final String GONE = "GONE";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "delivery_id", nullable = false)
  public UUID deliveryId;

  @Column(nullable = false)
  public int attempt;

  @Column(name = "attempted_at", nullable = false)
  public Instant attemptedAt;

  @Column(name = "latency_ms", nullable = false)
  public long latencyMs;

  /** The bank's HTTP status, null when none came (timeout, refused connection). */
  @Column(name = "status_code")
  public Integer statusCode;

  /** SUCCESS, RETRY (another attempt is scheduled), FAILED (no more) or GONE (410). */
  @Column(nullable = false)
  public String outcome;

  @Column(name = "response_body")
  public String responseBody;

  public String error;
}
