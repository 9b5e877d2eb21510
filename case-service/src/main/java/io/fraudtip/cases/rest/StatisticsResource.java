package io.fraudtip.cases.rest;

import io.fraudtip.cases.api.StatisticsViews.GroupBy;
import io.fraudtip.cases.api.StatisticsViews.Period;
import io.fraudtip.cases.api.StatisticsViews.Report;
import io.fraudtip.cases.api.StatisticsViews.Row;
import io.fraudtip.cases.statistics.Statistics;
import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.commons.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Statistics for the periodic report, in JSON or CSV. */
@Path("/api/v1/statistics")
@Tag(name = "Statistics", description = "Figures per period, province, unit and scam type")
@SecurityRequirement(name = "jwt")
@RolesAllowed({Roles.OPERATOR, Roles.POLICE})
public class StatisticsResource {
  private static final ZoneId VIET_NAM = ZoneId.of("Asia/Ho_Chi_Minh");

  private final Statistics statistics;

  StatisticsResource(Statistics statistics) {
    this.statistics = statistics;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Figures per period (quarter by default) and group, as JSON",
      description =
          "Per period (cut in Viet Nam time) and province, unit or scam type: tips, cases,"
              + " victims, losses, amounts held and restored, mean minutes to acknowledge, and the"
              + " time to bank alert (the alert's cause to its first delivery) and to the bank's"
              + " answer (delivery to the bank's first answer to that alert) as median, 90th"
              + " percentile and longest, in seconds, over the alerts delivered in the period."
              + " Alerts whose tip has not reached a case yet are not counted.")
  @APIResponse(responseCode = "200", description = "The report")
  public Report json(
      @Parameter(example = "PROVINCE") @QueryParam("groupBy") @DefaultValue("PROVINCE")
          GroupBy groupBy,
      @QueryParam("period") @DefaultValue("QUARTER") Period period,
      @Parameter(example = "2026-01-01") @QueryParam("from") String from,
      @Parameter(example = "2027-01-01") @QueryParam("to") String to) {
    Instant start = day(from, "from", "2000-01-01");
    Instant end = day(to, "to", null);
    if (!end.isAfter(start)) {
      throw invalid("to", "date.order", "Must be after 'from'");
    }
    return statistics.report(groupBy, period, start, end);
  }

  @GET
  @Produces("text/csv")
  @Operation(summary = "The same figures as CSV, for spreadsheets")
  @APIResponse(responseCode = "200", description = "The report")
  public String csv(
      @QueryParam("groupBy") @DefaultValue("PROVINCE") GroupBy groupBy,
      @QueryParam("period") @DefaultValue("QUARTER") Period period,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    Report report = json(groupBy, period, from, to);
    StringBuilder csv =
        new StringBuilder(
            "period,"
                + groupBy.name().toLowerCase()
                + ",tips,cases,victims,losses_vnd,frozen_vnd,restored_vnd,"
                + "mean_minutes_to_acknowledge,alerts_delivered,median_seconds_to_bank_alert,"
                + "p90_seconds_to_bank_alert,max_seconds_to_bank_alert,alerts_answered,"
                + "median_seconds_to_bank_answer,p90_seconds_to_bank_answer,"
                + "max_seconds_to_bank_answer\r\n");
    for (Row r : report.rows()) {
      csv.append(r.period())
          .append(',')
          .append(r.group())
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
                  : String.format(java.util.Locale.ROOT, "%.1f", r.meanMinutesToAcknowledge()))
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

  private static String blankIfNull(Long value) {
    return value == null ? "" : value.toString();
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
      throw invalid(field, "date.invalid", "Expected a date such as 2026-07-01");
    }
    // PostgreSQL's timestamps span years 4713 BC to 294276 AD; a report needs far less.
    if (day.getYear() < MIN_YEAR || day.getYear() > MAX_YEAR) {
      throw invalid(
          field, "date.range", "Expected a date between " + MIN_YEAR + " and " + MAX_YEAR);
    }
    return day.atStartOfDay(VIET_NAM).toInstant();
  }

  private static ProblemException invalid(String field, String code, String message) {
    return new ProblemException(
        400,
        "validation",
        "Bad Request",
        "The request has 1 invalid field(s)",
        java.util.List.of(new io.fraudtip.commons.problem.FieldError(field, code, message)));
  }
}
