package io.fraudtip.cases.rest;

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

  /** One row: a period and a group. */
  @Schema(description = "Figures of one period and group")
  public record Row(
      @Schema(example = "2026-Q3") String period,
      @Schema(example = "66") String group,
      long tips,
      long cases,
      long victims,
      long lossesVnd,
      long frozenVnd,
      long restoredVnd,
      @Schema(description = "Mean minutes from a case's opening to its acknowledgement")
          Double meanMinutesToAcknowledge) {}

  /** The report. */
  public record Report(GroupBy groupBy, Period period, List<Row> rows) {}
}
