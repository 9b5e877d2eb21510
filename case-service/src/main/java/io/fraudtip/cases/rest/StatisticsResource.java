package io.fraudtip.cases.rest;

import io.fraudtip.cases.api.StatisticsViews.GroupBy;
import io.fraudtip.cases.api.StatisticsViews.Period;
import io.fraudtip.cases.api.StatisticsViews.Report;
import io.fraudtip.cases.statistics.ReportCsv;
import io.fraudtip.cases.statistics.Statistics;
import io.fraudtip.commons.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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
    return statistics.report(groupBy, period, from, to);
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
    return ReportCsv.of(json(groupBy, period, from, to));
  }
}
