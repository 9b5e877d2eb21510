package io.fraudtip.cases.statistics;

import io.fraudtip.cases.api.StatisticsViews.GroupBy;
import io.fraudtip.cases.api.StatisticsViews.Period;
import io.fraudtip.cases.api.StatisticsViews.Report;
import io.fraudtip.cases.api.StatisticsViews.Row;
import io.fraudtip.cases.core.Clock;
import io.fraudtip.cases.police.UnitScope;
import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.commons.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Counts for the periodic report to the provincial committee: tips, cases, victims and losses by
 * when the tips came in; amounts held and restored by the banks' current answers (SPEC §10), by
 * when they were given; time to acknowledge by when cases opened; time to the bank's alert and to
 * its answer by when the alert was delivered. Periods are cut in Viet Nam time.
 */
@ApplicationScoped
public class Statistics {
  private static final String ZONE = Clock.VIET_NAM.getId();

  /** Keeps a query to the cases of the caller's subtree (a unit's path prefix). */
  private static final String IN_SCOPE =
      " AND c.unit_code IN (SELECT u.code FROM police_unit u WHERE starts_with(u.path, :scope))";

  private final EntityManager em;
  private final Caller caller;
  private final UnitScope scope;

  Statistics(EntityManager em, Caller caller, UnitScope scope) {
    this.em = em;
    this.caller = caller;
    this.scope = scope;
  }

  /**
   * The report between two days (ISO dates, Viet Nam time; {@code to} excluded): from 2000 and up
   * to tomorrow by default.
   */
  @Transactional
  public Report report(GroupBy groupBy, Period period, String from, String to) {
    Instant start = day(from, "from", "2000-01-01");
    Instant end = day(to, "to", null);
    if (!end.isAfter(start)) {
      throw ProblemException.invalid("to", "date.order", "Must be after 'from'");
    }
    return report(groupBy, period, start, end);
  }

  /**
   * The report over what the caller may see: operators everything, a police unit its own cases and
   * those of the units below it (by the case's current unit).
   */
  @Transactional
  public Report report(GroupBy groupBy, Period period, Instant from, Instant to) {
    if (caller.isOperator()) {
      return report(groupBy, period, from, to, null);
    }
    Optional<String> prefix = scope.pathPrefix();
    return prefix.isEmpty()
        ? new Report(groupBy, period, List.of())
        : report(groupBy, period, from, to, prefix.get());
  }

  private Report report(GroupBy groupBy, Period period, Instant from, Instant to, String unitPath) {
    String inScope = unitPath == null ? "" : IN_SCOPE;
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
                + " WHERE t.received_at >= :from AND t.received_at < :to"
                + inScope
                + " GROUP BY 1, 2",
            unitPath,
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
            // Current answers only: an answer sent again, or replaced, counts once; and an
            // account once per case, whichever of its alerts the answers were given to (the
            // case's own totals count the same way: BankResponse.currentTotals).
            "SELECT period, grp, coalesce(sum(f), 0), coalesce(sum(r), 0) FROM (SELECT"
                + " to_char(date_trunc(:unit, b.responded_at AT TIME ZONE '"
                + ZONE
                + "'), :format) AS period, "
                + caseGroup
                + " AS grp, max(b.frozen_vnd) AS f, max(b.restored_vnd) AS r"
                + " FROM bank_response b JOIN fraud_case c ON c.id = b.case_id"
                + " WHERE b.superseded_at IS NULL"
                + " AND b.responded_at >= :from AND b.responded_at < :to"
                + inScope
                + " GROUP BY 1, 2, b.case_id, coalesce(b.bank_bin || ':' || b.account_number,"
                + " CAST(b.response_id AS text))) AS per_account GROUP BY 1, 2",
            unitPath,
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
                + " AND c.opened_at >= :from AND c.opened_at < :to"
                + inScope
                + " GROUP BY 1, 2",
            unitPath,
            unit,
            format,
            from,
            to)) {
      figures.computeIfAbsent(key(r), k -> new long[6]);
      ackMinutes.put(key(r), r[2] == null ? null : ((Number) r[2]).doubleValue());
    }
    // Alerts by when they reached the bank: seconds from the cause (the tip's receipt, or the case
    // event) to the first 2xx, and from there to the bank's first answer to that alert. The answer
    // is joined on the alert id, so it counts whichever of the two events arrived first. RESTORED
    // is a later report, not the answer. Clock skew between services never makes a time negative.
    Map<String, Timing> timings = new TreeMap<>();
    for (Object[] r :
        rows(
            "SELECT to_char(date_trunc(:unit, d.delivered_at AT TIME ZONE '"
                + ZONE
                + "'), :format), "
                + caseGroup
                + ", count(*),"
                + " percentile_cont(0.5) WITHIN GROUP (ORDER BY d.alert_s),"
                + " percentile_cont(0.9) WITHIN GROUP (ORDER BY d.alert_s), max(d.alert_s),"
                + " count(d.answer_s),"
                + " percentile_cont(0.5) WITHIN GROUP (ORDER BY d.answer_s),"
                + " percentile_cont(0.9) WITHIN GROUP (ORDER BY d.answer_s), max(d.answer_s)"
                + " FROM (SELECT d.case_id, d.delivered_at,"
                + " greatest(0, extract(epoch FROM d.delivered_at - d.triggered_at)) AS alert_s,"
                // GREATEST skips nulls: an unanswered alert must stay null, not count as 0 s.
                + " CASE WHEN a.first_at IS NOT NULL"
                + " THEN greatest(0, extract(epoch FROM a.first_at - d.delivered_at)) END AS answer_s"
                + " FROM alert_delivery d LEFT JOIN (SELECT alert_id, min(responded_at) AS first_at"
                + " FROM bank_response WHERE alert_id IS NOT NULL AND outcome <> 'RESTORED'"
                + " GROUP BY alert_id) a ON a.alert_id = d.alert_id"
                + " WHERE d.delivered_at >= :from AND d.delivered_at < :to) d"
                + " JOIN fraud_case c ON c.id = d.case_id WHERE TRUE"
                + inScope
                + " GROUP BY 1, 2",
            unitPath,
            unit,
            format,
            from,
            to)) {
      figures.computeIfAbsent(key(r), k -> new long[6]);
      timings.put(
          key(r),
          new Timing(
              num(r[2]),
              seconds(r[3]),
              seconds(r[4]),
              seconds(r[5]),
              num(r[6]),
              seconds(r[7]),
              seconds(r[8]),
              seconds(r[9])));
    }
    List<Row> rows = new ArrayList<>();
    figures.forEach(
        (k, f) -> {
          String[] parts = k.split("\u0000", 2);
          Timing t = timings.getOrDefault(k, Timing.NONE);
          rows.add(
              new Row(
                  parts[0],
                  parts[1],
                  f[0],
                  f[1],
                  f[2],
                  f[3],
                  f[4],
                  f[5],
                  ackMinutes.get(k),
                  t.delivered(),
                  t.alertMedian(),
                  t.alertP90(),
                  t.alertMax(),
                  t.answered(),
                  t.answerMedian(),
                  t.answerP90(),
                  t.answerMax()));
        });
    return new Report(groupBy, period, rows);
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(
      String sql, String unitPath, String unit, String format, Instant from, Instant to) {
    Query query =
        em.createNativeQuery(sql)
            .setParameter("unit", unit)
            .setParameter("format", format)
            .setParameter("from", from)
            .setParameter("to", to);
    if (unitPath != null) {
      query.setParameter("scope", unitPath);
    }
    return query.getResultList();
  }

  private static String key(Object[] r) {
    return r[0] + "\u0000" + (r[1] == null ? "-" : r[1]);
  }

  /** Whole seconds, or null when there was nothing to measure. */
  private static Long seconds(Object o) {
    return o == null ? null : Math.round(((Number) o).doubleValue());
  }

  private record Timing(
      long delivered,
      Long alertMedian,
      Long alertP90,
      Long alertMax,
      long answered,
      Long answerMedian,
      Long answerP90,
      Long answerMax) {
    static final Timing NONE = new Timing(0, null, null, null, 0, null, null, null);
  }

  private static long num(Object o) {
    return o == null ? 0 : ((Number) o).longValue();
  }

  private static final int MIN_YEAR = 1900;
  private static final int MAX_YEAR = 9999;

  private static Instant day(String value, String field, String fallback) {
    if (value == null && fallback == null) {
      return Instant.now().plusSeconds(86_400);
    }
    LocalDate day;
    try {
      day = LocalDate.parse(value == null ? fallback : value);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid(field, "date.invalid", "Expected a date such as 2026-07-01");
    }
    // PostgreSQL's timestamps span years 4713 BC to 294276 AD; a report needs far less.
    if (day.getYear() < MIN_YEAR || day.getYear() > MAX_YEAR) {
      throw ProblemException.invalid(
          field, "date.range", "Expected a date between " + MIN_YEAR + " and " + MAX_YEAR);
    }
    return day.atStartOfDay(Clock.VIET_NAM).toInstant();
  }
}
