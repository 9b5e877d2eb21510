package io.fraudtip.cases.service;

import io.fraudtip.cases.rest.StatisticsViews.GroupBy;
import io.fraudtip.cases.rest.StatisticsViews.Period;
import io.fraudtip.cases.rest.StatisticsViews.Report;
import io.fraudtip.cases.rest.StatisticsViews.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts for the periodic report to the provincial committee: tips, cases, victims and losses by
 * when the tips came in; amounts held and restored by when the banks answered; time to acknowledge
 * by when cases opened. Periods are cut in Viet Nam time.
 */
@ApplicationScoped
public class Statistics {
  private static final String ZONE = "Asia/Ho_Chi_Minh";

  private final EntityManager em;

  Statistics(EntityManager em) {
    this.em = em;
  }

  @Transactional
  public Report report(GroupBy groupBy, Period period, Instant from, Instant to) {
    String unit = period.name().toLowerCase();
    String format =
        switch (period) {
          case MONTH -> "YYYY-MM";
          case QUARTER -> "YYYY-\"Q\"Q";
          case YEAR -> "YYYY";
        };
    // Group expressions are chosen from a closed set, never from the caller's text.
    String tipGroup =
        switch (groupBy) {
          case PROVINCE -> "t.province_code";
          case UNIT -> "c.unit_code";
          case SCAM_TYPE -> "t.scam_type";
        };
    String caseGroup =
        switch (groupBy) {
          case PROVINCE -> "c.province_code";
          case UNIT -> "c.unit_code";
          case SCAM_TYPE -> "c.scam_type";
        };
    Map<String, long[]> figures = new TreeMap<>();
    Map<String, Double> ackMinutes = new TreeMap<>();

    for (Object[] r :
        rows(
            "SELECT to_char(date_trunc(:unit, t.received_at AT TIME ZONE '"
                + ZONE
                + "'), :format), "
                + tipGroup
                + ", count(*), count(DISTINCT t.case_id), coalesce(sum(t.amount_lost_vnd), 0)"
                + " FROM case_tip t JOIN fraud_case c ON c.id = t.case_id"
                + " WHERE t.received_at >= :from AND t.received_at < :to GROUP BY 1, 2",
            unit,
            format,
            from,
            to)) {
      long[] f = figures.computeIfAbsent(key(r), k -> new long[6]);
      f[0] += num(r[2]);
      f[1] += num(r[3]);
      f[2] += num(r[2]);
      f[3] += num(r[4]);
    }
    for (Object[] r :
        rows(
            "SELECT to_char(date_trunc(:unit, b.responded_at AT TIME ZONE '"
                + ZONE
                + "'), :format), "
                + caseGroup
                + ", coalesce(sum(b.frozen_vnd), 0), coalesce(sum(b.restored_vnd), 0)"
                + " FROM bank_response b JOIN fraud_case c ON c.id = b.case_id"
                + " WHERE b.responded_at >= :from AND b.responded_at < :to GROUP BY 1, 2",
            unit,
            format,
            from,
            to)) {
      long[] f = figures.computeIfAbsent(key(r), k -> new long[6]);
      f[4] += num(r[2]);
      f[5] += num(r[3]);
    }
    for (Object[] r :
        rows(
            "SELECT to_char(date_trunc(:unit, c.opened_at AT TIME ZONE '"
                + ZONE
                + "'), :format), "
                + caseGroup
                + ", avg(extract(epoch FROM c.acknowledged_at - c.opened_at)) / 60"
                + " FROM fraud_case c WHERE c.acknowledged_at IS NOT NULL"
                + " AND c.opened_at >= :from AND c.opened_at < :to GROUP BY 1, 2",
            unit,
            format,
            from,
            to)) {
      figures.computeIfAbsent(key(r), k -> new long[6]);
      ackMinutes.put(key(r), r[2] == null ? null : ((Number) r[2]).doubleValue());
    }
    List<Row> rows = new ArrayList<>();
    figures.forEach(
        (k, f) -> {
          String[] parts = k.split("\u0000", 2);
          rows.add(
              new Row(parts[0], parts[1], f[0], f[1], f[2], f[3], f[4], f[5], ackMinutes.get(k)));
        });
    return new Report(groupBy, period, rows);
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql, String unit, String format, Instant from, Instant to) {
    return em.createNativeQuery(sql)
        .setParameter("unit", unit)
        .setParameter("format", format)
        .setParameter("from", from)
        .setParameter("to", to)
        .getResultList();
  }

  private static String key(Object[] r) {
    return r[0] + "\u0000" + (r[1] == null ? "-" : r[1]);
  }

  private static long num(Object o) {
    return o == null ? 0 : ((Number) o).longValue();
  }
}
