package io.fraudtip.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where a bank receives its webhooks, and the secret they are signed with. */
@Entity
@Table(name = "bank_endpoint")
public class BankEndpoint extends PanacheEntityBase {
  public static final String DISABLED_GONE = "GONE";
  public static final String DISABLED_FAILING = "FAILING";
  public static final String DISABLED_BY_USER = "BY_USER";

  @Id public UUID id;

  @Column(name = "bank_bin", nullable = false)
  public String bankBin;

  @Column(nullable = false)
  public String url;

  public String description;

  /** Comma-separated event types the endpoint receives. */
  @Column(name = "event_types", nullable = false)
  public String eventTypes;

  @Column(nullable = false)
  public boolean active;

  @Column(name = "disabled_reason")
  public String disabledReason;

  @Column(name = "disabled_at")
  public Instant disabledAt;

  /**
   * When it was removed (DELETE) after it had delivered: kept for its delivery log only, never
   * listed, read, changed or enabled again; null for an endpoint in use or paused.
   */
  @Column(name = "removed_at")
  public Instant removedAt;

  /** The signing secret, sealed (SigningSecrets): never stored in the clear. */
  @Column(name = "secret_sealed", nullable = false)
  public String secretSealed;

  /** The previous secret during a rotation's grace period, sealed likewise. */
  @Column(name = "previous_secret_sealed")
  public String previousSecretSealed;

  @Column(name = "previous_secret_until")
  public Instant previousSecretUntil;

  /** The secret before the previous, while its own grace lasts (two rotations within one). */
  @Column(name = "older_secret_sealed")
  public String olderSecretSealed;

  @Column(name = "older_secret_until")
  public Instant olderSecretUntil;

  @Column(name = "failing_since")
  public Instant failingSince;

  @Column(name = "last_success_at")
  public Instant lastSuccessAt;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version public long version;

  public List<String> eventTypeList() {
    return Arrays.stream(eventTypes.split(",")).filter(s -> !s.isBlank()).toList();
  }

  public boolean receives(String eventType) {
    return eventTypeList().contains(eventType);
  }

  /**
   * The endpoint, if the caller's bank may see it: another bank's endpoint does not exist for it.
   */
  public static Optional<BankEndpoint> visibleTo(UUID id, Optional<String> bankBin) {
    return BankEndpoint.<BankEndpoint>findByIdOptional(id)
        .filter(e -> e.removedAt == null)
        .filter(e -> bankBin.isEmpty() || bankBin.get().equals(e.bankBin));
  }
}
