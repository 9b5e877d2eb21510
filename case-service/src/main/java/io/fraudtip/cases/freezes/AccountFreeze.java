package io.fraudtip.cases.freezes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One account a freeze request asked its bank to freeze, with the bounded hold. */
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

  static List<AccountFreeze> ofCase(UUID caseId) {
    return list("caseId = ?1 order by requestedAt, layer, bankBin, accountNumber", caseId);
  }
}
