package io.fraudtip.cases.contact;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One entry of the access log of reporter contact reads (SPEC §7); never the contact itself. */
@Entity
@Table(name = "contact_read")
public class ContactRead extends PanacheEntityBase {
  /** Why a contact was read. */
  public enum Purpose {
    /** The contact-reads call of the police API. */
    CONTACT_READ,
    /** A case file asked with the reporters' contacts. */
    CASE_FILE
  }

  /** What came of a read. */
  public enum Outcome {
    /** Logged, intake not answered yet (or the answer was never recorded). */
    REQUESTED,
    DISCLOSED,
    /** The tip was sent anonymously: there is no contact. */
    ANONYMOUS,
    /** Intake does not (yet) see the tip in this case. */
    REFUSED,
    /** Intake could not be reached or failed. */
    FAILED
  }

  @Id public UUID id;

  @Column(name = "case_id", nullable = false)
  public UUID caseId;

  @Column(name = "case_reference", nullable = false)
  public String caseReference;

  @Column(name = "tip_id", nullable = false)
  public UUID tipId;

  @Column(name = "unit_code", nullable = false)
  public String unitCode;

  @Column(nullable = false)
  public String subject;

  @Column(nullable = false)
  public String reason;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Purpose purpose;

  @Column(name = "read_at", nullable = false)
  public Instant readAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Outcome outcome;

  @Column(name = "outcome_at")
  public Instant outcomeAt;
}
