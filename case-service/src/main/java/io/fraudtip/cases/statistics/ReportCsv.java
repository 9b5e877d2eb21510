package io.fraudtip.cases.statistics;

import io.fraudtip.cases.api.StatisticsViews.Report;
import io.fraudtip.cases.api.StatisticsViews.Row;
import java.util.Locale;

/** The report as CSV, for spreadsheets: one header line, one line per row, CRLF line ends. */
public final class ReportCsv {
  private ReportCsv() {}

  public static String of(Report report) {
    StringBuilder csv =
        new StringBuilder(
            "period,"
                + report.groupBy().name().toLowerCase()
                + ",tips,cases,victims,losses_vnd,frozen_vnd,restored_vnd,"
                + "mean_minutes_to_acknowledge,alerts_delivered,median_seconds_to_bank_alert,"
                + "p90_seconds_to_bank_alert,max_seconds_to_bank_alert,alerts_answered,"
                + "median_seconds_to_bank_answer,p90_seconds_to_bank_answer,"
                + "max_seconds_to_bank_answer\r\n");
    for (Row r : report.rows()) {
      csv.append(cell(r.period()))
          .append(',')
          .append(cell(r.group()))
          .append(',')
          .append(r.tips())
          .append(',')
          .append(r.cases())
          .append(',')
          .append(r.victims())
          .append(',')
          .append(r.lossesVnd())
          .append(',')
          .append(r.frozenVnd())
          .append(',')
          .append(r.restoredVnd())
          .append(',')
          .append(
              r.meanMinutesToAcknowledge() == null
                  ? ""
                  : String.format(Locale.ROOT, "%.1f", r.meanMinutesToAcknowledge()))
          .append(',')
          .append(r.alertsDelivered())
          .append(',')
          .append(blankIfNull(r.medianSecondsToBankAlert()))
          .append(',')
          .append(blankIfNull(r.p90SecondsToBankAlert()))
          .append(',')
          .append(blankIfNull(r.maxSecondsToBankAlert()))
          .append(',')
          .append(r.alertsAnswered())
          .append(',')
          .append(blankIfNull(r.medianSecondsToBankAnswer()))
          .append(',')
          .append(blankIfNull(r.p90SecondsToBankAnswer()))
          .append(',')
          .append(blankIfNull(r.maxSecondsToBankAnswer()))
          .append("\r\n");
    }
    return csv.toString();
  }

  /**
   * A text cell as RFC 4180 writes one (quoted when it holds a comma, a quote or a line end), and
   * never read as a formula by a spreadsheet (OWASP's CSV injection: a leading =, +, -, @, tab or
   * carriage return is escaped with a quote). Group values are data operators write (unit codes).
   */
  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      text = '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }

  private static String blankIfNull(Long value) {
    return value == null ? "" : value.toString();
  }
}
