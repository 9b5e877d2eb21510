package io.fraudtip.cases.linking;

import io.fraudtip.contracts.banks.BankAccount;
import io.fraudtip.contracts.tips.IdentifierType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A scammer identifier held by exactly one case; what links tips and what the watchlist lists.
 *
 * <p>Its writers hold its case's lock or its own (advisory) lock, not always both, and some read
 * the row before they take the other: an update writes only the columns its transaction changed, so
 * that a copy read before another's merge, closure or dispute never writes back the case, the
 * retirement or the delisting it had.
 */
@Entity
@DynamicUpdate
@Table(name = "case_identifier")
public class CaseIdentifier extends PanacheEntityBase {
  // Pooled ids (blocks of 50, V1.15.0): a batch's rows go to the database as JDBC batches.
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_identifier_id")
  @SequenceGenerator(
      name = "case_identifier_id",
      sequenceName = "case_identifier_id_seq",
      allocationSize = 50)
  public Long id;

  @Column(name = "case_id", nullable = false)
  public UUID caseId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public IdentifierType type;

  /** Canonical value; {@code BIN:account} for a bank account. */
  @Column(nullable = false)
  public String value;

  @Column(name = "bank_bin")
  public String bankBin;

  @Column(name = "foreign_number", nullable = false)
  public boolean foreignNumber;

  /** 1 for an account victims paid, 2 and up for accounts the money moved on to. */
  @Column(nullable = false)
  public int layer = 1;

  @Column(name = "report_count", nullable = false)
  public int reportCount;

  @Column(name = "identified_reports", nullable = false)
  public int identifiedReports;

  @Column(name = "first_reported_at", nullable = false)
  public Instant firstReportedAt;

  @Column(name = "last_reported_at", nullable = false)
  public Instant lastReportedAt;

  /** Set when an upheld dispute took the identifier off the watchlist. */
  @Column(name = "delisted_at")
  public Instant delistedAt;

  /**
   * The upheld dispute that took it off: the one about it, or one about its site (a page's domain,
   * a domain's page); null otherwise.
   */
  @Column(name = "delisted_by")
  public UUID delistedBy;

  /** {@link #delistedBy} of an identifier the allow-list took off (no dispute has this id). */
  public static final UUID DELISTED_BY_ALLOW_LIST = new UUID(0, 1);

  /**
   * Set when its case was closed as unfounded: the row stays in that case and links nothing any
   * more (a new tip naming the identifier opens a new case that refers to it).
   */
  @Column(name = "retired_at")
  public Instant retiredAt;

  /** Set while the deciding unit of an upheld dispute has a new independent report to review. */
  @Column(name = "review_requested_at")
  public Instant reviewRequestedAt;

  /**
   * The police unit that entered the identifier by hand (found during its investigation); null when
   * a tip named it first or a bank's answer traced it.
   */
  @Column(name = "entered_by")
  public String enteredBy;

  public static List<CaseIdentifier> ofCase(UUID caseId) {
    return list("caseId = ?1 order by type, layer, value", caseId);
  }

  /** The live row of an identifier (not retired with an unfounded case), or null. */
  public static CaseIdentifier byValue(IdentifierType type, String value) {
    return find("type = ?1 and value = ?2 and retiredAt is null", type, value).firstResult();
  }

  /** This identifier as the linking reads one (locks, the allow-list). */
  public Identifiers.Candidate candidate() {
    return new Identifiers.Candidate(type, value, bankBin, foreignNumber, layer);
  }

  /** The account number of a bank account identifier. */
  public String accountNumber() {
    return BankAccount.accountNumberOf(value);
  }

  /** Whether this is a bank account held at the bank with this BIN. */
  public boolean isAccountAt(String bankBin) {
    if (type != IdentifierType.BANK_ACCOUNT || bankBin == null) {
      return false;
    }
    try {
      return BankAccount.parse(value).bankBin().equals(bankBin);
    } catch (IllegalArgumentException notAnAccount) {
      return false;
    }
  }
}
