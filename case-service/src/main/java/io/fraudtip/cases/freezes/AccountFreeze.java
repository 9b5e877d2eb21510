package io.fraudtip.cases.freezes;

import io.fraudtip.contracts.Ids;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One account a freeze request asked its bank to freeze, with the bounded hold: HELD until it
 * expires, or the unit extends it (with a reason) or lifts it.
 */
@Entity
@Table(name = "account_freeze")
public class AccountFreeze extends PanacheEntityBase {
  @Id public UUID id;

  /** The police request that authorised it. */
  @Column(name = "request_id", nullable = false)
  public UUID requestId;

  @Column(name = "case_id", nullable = false)
  public UUID caseId;

  @Column(name = "bank_bin", nullable = false)
  public String bankBin;

  @Column(name = "account_number", nullable = false)
  public String accountNumber;

  @Column(nullable = false)
  public int layer;

  /** True when traced under the request's standing order rather than named by the unit. */
  @Column(name = "by_standing_order", nullable = false)
  public boolean byStandingOrder;

  /** What reached the account as far as the case knows; null when it does not. */
  @Column(name = "hold_amount_vnd")
  public Long holdAmountVnd;

  @Column(name = "hold_expires_at", nullable = false)
  public Instant holdExpiresAt;

  @Column(name = "requested_at", nullable = false)
  public Instant requestedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public HoldState state = HoldState.HELD;

  @Column(name = "extension_count", nullable = false)
  public int extensionCount;

  @Column(name = "last_extension_reason")
  public String lastExtensionReason;

  @Column(name = "last_extended_by")
  public String lastExtendedBy;

  @Column(name = "last_extended_at")
  public Instant lastExtendedAt;

  /** When the hold ended (LIFTED, EXPIRED). */
  @Column(name = "ended_at")
  public Instant endedAt;

  @Column(name = "ended_by")
  public String endedBy;

  @Column(name = "end_reason")
  public String endReason;

  /** Whether the bank is to hold the money at this time. */
  boolean runsAt(Instant now) {
    return state == HoldState.HELD && holdExpiresAt.isAfter(now);
  }

  /** Extends the running hold to a later expiry; the record of it, to persist. */
  HoldExtension extend(Instant until, String reason, String unitCode, String actor, Instant now) {
    HoldExtension e = new HoldExtension();
    e.id = Ids.next();
    e.freezeId = id;
    e.unitCode = unitCode;
    e.extendedBy = actor;
    e.extendedAt = now;
    e.reason = reason;
    e.previousExpiresAt = holdExpiresAt;
    e.newExpiresAt = until;
    holdExpiresAt = until;
    extensionCount++;
    lastExtensionReason = reason;
    lastExtendedBy = actor;
    lastExtendedAt = now;
    return e;
  }

  /** Ends the hold (LIFTED or EXPIRED), once. */
  void end(HoldState how, String reason, String actor, Instant now) {
    state = how;
    endReason = reason;
    endedBy = actor;
    endedAt = now;
  }

  static List<AccountFreeze> ofCase(UUID caseId) {
    return list("caseId = ?1 order by requestedAt, layer, bankBin, accountNumber", caseId);
  }
}
