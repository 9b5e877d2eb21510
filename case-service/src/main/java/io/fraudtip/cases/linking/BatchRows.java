package io.fraudtip.cases.linking;

import io.fraudtip.cases.core.CaseTip;
import io.fraudtip.cases.trust.Evidence;
import io.fraudtip.commons.sql.ArrayRows;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * The rows a batch of tips adds that nothing in the batch changes afterwards: its tips and their
 * reports on identifiers (three of the twelve rows a new tip naming two identifiers makes; its
 * timeline's lines are held too, by {@link io.fraudtip.cases.core.CaseEvents#holdLines}). They are
 * held until the batch next reads or moves such rows (a merge, a review, the totals) and then
 * written in one statement a table, where each would take Hibernate's persist and its share of the
 * flush. Held, a row names the case its tip joined, which is live until a merge: a merge writes
 * them first and then moves them with the rest.
 */
final class BatchRows {
  private static final String INSERT_TIPS =
      "INSERT INTO case_tip (tip_id, case_id, received_at, province_code, commune_code,"
          + " scam_type, trust, amount_lost_vnd, latest_transfer_at, payload)"
          + " SELECT * FROM unnest(?, ?, CAST(? AS timestamptz[]), ?, ?, ?, ?, ?,"
          + " CAST(? AS timestamptz[]), ?)";

  private final EntityManager em;
  private final Evidence evidence;
  private final List<CaseTip> tips = new ArrayList<>();
  private final List<Evidence.Report> reports = new ArrayList<>();

  BatchRows(EntityManager em, Evidence evidence) {
    this.em = em;
    this.evidence = evidence;
  }

  void tip(CaseTip tip) {
    tips.add(tip);
  }

  void report(Evidence.Report report) {
    reports.add(report);
  }

  /** Writes the rows held (nothing when none is), and holds none afterwards. */
  void write() {
    if (!tips.isEmpty()) {
      em.unwrap(Session.class)
          .doWork(
              c ->
                  ArrayRows.execute(
                      c,
                      INSERT_TIPS,
                      tips,
                      ArrayRows.column("uuid", (CaseTip t) -> t.tipId),
                      ArrayRows.column("uuid", (CaseTip t) -> t.caseId),
                      ArrayRows.instant((CaseTip t) -> t.receivedAt),
                      ArrayRows.column("text", (CaseTip t) -> t.provinceCode),
                      ArrayRows.column("text", (CaseTip t) -> t.communeCode),
                      ArrayRows.column("text", (CaseTip t) -> t.scamType.name()),
                      ArrayRows.column("text", (CaseTip t) -> t.trust.name()),
                      ArrayRows.column("int8", (CaseTip t) -> t.amountLostVnd),
                      ArrayRows.instant((CaseTip t) -> t.latestTransferAt),
                      ArrayRows.column("text", (CaseTip t) -> t.payload)));
      tips.clear();
    }
    evidence.reports(reports);
    reports.clear();
  }
}
