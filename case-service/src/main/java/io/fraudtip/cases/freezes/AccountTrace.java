package io.fraudtip.cases.freezes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Money a bank's answer traced on to an account: who traced it and how much, so that a later freeze
 * request names what reached the account.
 */
@Entity
@Table(name = "account_trace")
public class AccountTrace extends PanacheEntityBase {
  @Id public UUID id;

  @Column(name = "case_id", nullable = false)
  public UUID caseId;

  @Column(name = "bank_bin", nullable = false)
  public String bankBin;

  @Column(name = "account_number", nullable = false)
  public String accountNumber;

  @Column(nullable = false)
  public int layer;

  @Column(name = "traced_by_bin", nullable = false)
  public String tracedByBin;

  @Column(name = "amount_vnd", nullable = false)
  public long amountVnd;

  @Column(name = "traced_at", nullable = false)
  public Instant tracedAt;

  /** The bank's answer that traced it; a superseded answer's traces no longer count. */
  @Column(name = "response_id")
  public UUID responseId;
}
