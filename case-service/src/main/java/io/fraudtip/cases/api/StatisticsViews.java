package io.fraudtip.cases.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The figures of the quarterly report. */
public final class StatisticsViews {
  private StatisticsViews() {}

  /** What rows are grouped by besides the period. */
  public enum GroupBy {
    PROVINCE,
    UNIT,
    SCAM_TYPE
  }

  /** The length of a period. */
  public enum Period {
    MONTH,
    QUARTER,
    YEAR
  }

  /**
   * One row: a period and a group. Tips, cases, victims and losses count by when tips came in;
   * amounts held and restored by when banks answered; acknowledgement by when cases opened; alert
   * and answer times by when alerts reached their banks (median and 90th percentile, because a few
   * slow banks would make a mean say little; the longest for the report's outliers).
   */
  @Schema(
      description =
          "Figures of one period and group. Tips, cases, victims and losses count by when tips came"
              + " in; held and restored amounts by when banks answered; acknowledgement by when"
              + " cases opened; time to bank alert and to the bank's answer by when the alert"
              + " reached the bank, as median, 90th percentile and longest, in seconds.")
  public record Row(
      @Schema(example = "2026-Q3") String period,
      @Schema(example = "66") String group,
      @Schema(example = "14") long tips,
      @Schema(example = "5") long cases,
      @Schema(example = "12") long victims,
      @Schema(example = "1250000000") long lossesVnd,
      @Schema(example = "420000000") long frozenVnd,
      @Schema(example = "150000000") long restoredVnd,
      @Schema(
              example = "95.5",
              description = "Mean minutes from a case's opening to its acknowledgement")
          Double meanMinutesToAcknowledge,
      @Schema(
              example = "12",
              description =
                  "Alerts that reached their bank in the period (first 2xx of the bank's endpoint)")
          long alertsDelivered,
      @Schema(
              example = "45",
              description =
                  "Median seconds from the alert's cause (the tip's receipt, or the case event) to"
                      + " its delivery; null without deliveries")
          Long medianSecondsToBankAlert,
      @Schema(example = "300", description = "90th percentile of the same, in seconds")
          Long p90SecondsToBankAlert,
      @Schema(example = "900", description = "Longest of the same, in seconds")
          Long maxSecondsToBankAlert,
      @Schema(
              example = "9",
              description =
                  "Of the alerts delivered in the period, those the bank has answered (RESTORED"
                      + " reports excluded)")
          long alertsAnswered,
      @Schema(
              example = "5400",
              description =
                  "Median seconds from an alert's delivery to the bank's first answer to it; null"
                      + " without answers")
          Long medianSecondsToBankAnswer,
      @Schema(example = "36000", description = "90th percentile of the same, in seconds")
          Long p90SecondsToBankAnswer,
      @Schema(example = "86400", description = "Longest of the same, in seconds")
          Long maxSecondsToBankAnswer) {}

  /** The report. */
  public record Report(GroupBy groupBy, Period period, List<Row> rows) {}
}
