package io.fraudtip.intake.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The first answer to a POST with an Idempotency-Key, written in the tip's transaction. */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyRecord extends PanacheEntityBase {
  @Id
  @Column(name = "idem_key")
  public String key;

  /** SHA-256 of the first request's body. */
  @Column(name = "body_hash", nullable = false)
  public String bodyHash;

  @Column(name = "tip_id", nullable = false)
  public UUID tipId;

  /** The first answer's body (JSON). */
  @Column(nullable = false)
  public String response;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
