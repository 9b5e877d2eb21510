package io.fraudtip.cases.core;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One line of a case's timeline: what happened, when, by whom. */
@Entity
@Table(name = "case_timeline")
public class TimelineEntry extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "case_id", nullable = false)
  public UUID caseId;

  @Column(nullable = false)
  public Instant at;

  /** The {@link TimelineKind}'s name: OPENED, TIP_ADDED, ASSIGNED, MERGED, NOTE, BANK_RESPONSE… */
  @Column(nullable = false)
  public String kind;

  @Column(nullable = false)
  public String actor;

  @Column(name = "unit_code")
  public String unitCode;

  @Column(name = "rule_id")
  public String ruleId;

  public String detail;

  public static List<TimelineEntry> ofCase(UUID caseId) {
    return list("caseId = ?1 order by id", caseId);
  }
}
