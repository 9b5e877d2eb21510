package io.fraudtip.cases.routing;

import io.fraudtip.cases.core.TimelineKind;
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

/** One assignment of a case to a unit, with the rule or the person behind it. */
@Entity
@Table(name = "case_assignment")
public class Assignment extends PanacheEntityBase {
  /** Why a case went to a unit. */
  public enum Reason {
    /** A routing rule chose the unit. */
    ROUTED,
    /** The case grew past a rule's threshold and went up. */
    REROUTED_UP,
    /** The acknowledgement deadline passed: the parent unit took it. */
    DEADLINE,
    /** A unit transferred the case. */
    TRANSFERRED,
    /** A closed case went back to a unit: reopened by it, or for a review after a dispute. */
    REOPENED;

    /** The timeline line an assignment for this reason writes. */
    public TimelineKind timelineKind() {
      return switch (this) {
        case ROUTED -> TimelineKind.ASSIGNED;
        case REROUTED_UP -> TimelineKind.REROUTED_UP;
        case DEADLINE -> TimelineKind.DEADLINE;
        case TRANSFERRED -> TimelineKind.TRANSFERRED;
        case REOPENED -> TimelineKind.REOPENED;
      };
    }
  }

  // Pooled ids (blocks of 50, V1.15.0): a batch's rows go to the database as JDBC batches.
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_assignment_id")
  @SequenceGenerator(
      name = "case_assignment_id",
      sequenceName = "case_assignment_id_seq",
      allocationSize = 50)
  public Long id;

  @Column(name = "case_id", nullable = false)
  public UUID caseId;

  @Column(name = "unit_code", nullable = false)
  public String unitCode;

  @Column(name = "rule_id")
  public String ruleId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Reason reason;

  @Column(nullable = false)
  public String actor;

  @Column(name = "assigned_at", nullable = false)
  public Instant assignedAt;

  /** In time order; ids break ties (pooled ids rise within an instance, not across instances). */
  public static List<Assignment> ofCase(UUID caseId) {
    return list("caseId = ?1 order by assignedAt, id", caseId);
  }
}
