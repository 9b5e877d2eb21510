package io.fraudtip.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Something the operators must act on, such as an endpoint disabled after failing for days. */
@Entity
@Table(name = "operator_notice")
public class OperatorNotice extends PanacheEntityBase {
  public static final String ENDPOINT_DISABLED = "ENDPOINT_DISABLED";

  @Id public UUID id;

  @Column(nullable = false)
  public String kind;

  @Column(name = "bank_bin")
  public String bankBin;

  @Column(name = "endpoint_id")
  public UUID endpointId;

  @Column(nullable = false)
  public String message;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
