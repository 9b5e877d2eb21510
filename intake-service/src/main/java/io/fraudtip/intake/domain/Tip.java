package io.fraudtip.intake.domain;

import io.fraudtip.commons.identifiers.TrackingCodeFormat;
import io.fraudtip.contracts.tips.Channel;
import io.fraudtip.contracts.tips.ScamType;
import io.fraudtip.contracts.tips.TrustLevel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** An accepted tip. */
@Entity
@Table(name = "tip")
public class Tip extends PanacheEntityBase {
  @Id public UUID id;

  @Column(name = "tracking_code", nullable = false, unique = true)
  public String trackingCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public TipStatus status;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Channel channel;

  @Enumerated(EnumType.STRING)
  @Column(name = "trust_level", nullable = false)
  public TrustLevel trustLevel;

  @Enumerated(EnumType.STRING)
  @Column(name = "scam_type", nullable = false)
  public ScamType scamType;

  @Column(name = "province_code", nullable = false)
  public String provinceCode;

  @Column(name = "commune_code")
  public String communeCode;

  @Column(name = "occurred_at", nullable = false)
  public Instant occurredAt;

  @Column(name = "amount_lost_vnd", nullable = false)
  public long amountLostVnd;

  @Column(name = "received_at", nullable = false)
  public Instant receivedAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Column(name = "case_reference")
  public String caseReference;

  @Column(name = "event_payload", nullable = false)
  public String eventPayload;

  /** Reporter's personal data, encrypted; null for an anonymous tip. */
  @Column(name = "reporter_sealed")
  public byte[] reporterSealed;

  @Version public long version;

  public static Optional<Tip> findByTrackingCode(String code) {
    return findByTrackingCode(code, LockModeType.NONE);
  }

  /**
   * The tip of a canonical tracking code, its row locked as asked; none for a value that is not a
   * code's form (never sent to the database, which refuses a NUL: a miss is a miss).
   */
  public static Optional<Tip> findByTrackingCode(String code, LockModeType lock) {
    if (code == null || !TrackingCodeFormat.valid(code)) {
      return Optional.empty();
    }
    return find("trackingCode", code).withLock(lock).firstResultOptional();
  }
}
