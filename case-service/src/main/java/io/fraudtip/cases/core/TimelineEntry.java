package io.fraudtip.cases.core;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One line of a case's timeline: what happened, when, by whom. */
@Entity
@Table(name = "case_timeline")
public class TimelineEntry extends PanacheEntityBase {
  // Pooled ids (blocks of 50, V1.15.0): a batch's rows go to the database as JDBC batches.
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_timeline_id")
  @SequenceGenerator(
      name = "case_timeline_id",
      sequenceName = "case_timeline_id_seq",
      allocationSize = 50)
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

  /**
   * The case's stored lines of these kinds after a time, without flushing the session (a flush per
   * tip would send a batch's inserts as a JDBC batch per table and tip instead of per table);
   * {@link OutsiderLines} adds the transaction's own.
   */
  static long countStoredSince(UUID caseId, Instant since, Collection<String> kinds) {
    return countStoredSince(List.of(caseId), since, kinds).getOrDefault(caseId, 0L);
  }

  /** {@link #countStoredSince(UUID, Instant, Collection)} of several cases, in one query. */
  static Map<UUID, Long> countStoredSince(
      Collection<UUID> caseIds, Instant since, Collection<String> kinds) {
    Map<UUID, Long> counts = new HashMap<>();
    getEntityManager()
        .createQuery(
            "select e.caseId, count(e) from TimelineEntry e"
                + " where e.caseId in :c and e.at > :since and e.kind in :kinds group by e.caseId",
            Object[].class)
        .setParameter("c", caseIds)
        .setParameter("since", since)
        .setParameter("kinds", kinds)
        .setFlushMode(FlushModeType.COMMIT)
        .getResultList()
        .forEach(r -> counts.put((UUID) r[0], ((Number) r[1]).longValue()));
    return counts;
  }

  /** In time order; ids break ties (pooled ids rise within an instance, not across instances). */
  public static List<TimelineEntry> ofCase(UUID caseId) {
    return list("caseId = ?1 order by at, id", caseId);
  }
}
