package io.fraudtip.cases.rest;

import io.fraudtip.cases.api.CaseFilter;
import io.fraudtip.cases.api.CaseRequests;
import io.fraudtip.cases.api.CaseViews;
import io.fraudtip.cases.api.CaseViews.CaseDetail;
import io.fraudtip.cases.api.CaseViews.CasePage;
import io.fraudtip.cases.api.CaseViews.LegalClockItem;
import io.fraudtip.cases.api.DisputeViews;
import io.fraudtip.cases.disputes.DisputeQueries;
import io.fraudtip.cases.police.CaseQueries;
import io.fraudtip.cases.police.CaseWorkflow;
import io.fraudtip.cases.police.LegalDeadlines;
import io.fraudtip.commons.security.Roles;
import io.fraudtip.contracts.cases.CaseStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The police API: a unit's cases and those of the units below it. Reads carry an ETag; changes need
 * it back in If-Match.
 */
@Path("/api/v1/cases")
@Tag(name = "Cases", description = "Police units pull and work their cases")
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.POLICE)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CaseResource {
  static final String IF_MATCH_DOC = "The case's ETag from the last read; a stale one answers 412";
  static final String IF_MATCH_EXAMPLE = "\"3\"";

  private final CaseQueries queries;
  private final CaseWorkflow workflow;
  private final LegalDeadlines legalDeadlines;
  private final DisputeQueries disputes;

  CaseResource(
      CaseQueries queries,
      CaseWorkflow workflow,
      LegalDeadlines legalDeadlines,
      DisputeQueries disputes) {
    this.queries = queries;
    this.workflow = workflow;
    this.legalDeadlines = legalDeadlines;
    this.disputes = disputes;
  }

  @GET
  @Operation(
      summary = "The cases of my unit and the units below it, most urgent first; the search",
      description =
          "Filters combine (and). Find a case by what is in hand: identifier= (a phone, account,"
              + " URL… as typed), reference=, trackingCode=; narrow by province=, scamType=,"
              + " openedFrom=/openedTo=. Only cases of my unit's tree are ever found: another"
              + " unit's case is simply not in the answer.")
  @APIResponse(
      responseCode = "200",
      description = "One page of cases and the total that match",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CasePage.class),
              examples = @ExampleObject(name = "found by phone", value = CaseViews.EXAMPLE_PAGE)))
  @APIResponse(
      responseCode = "400",
      description = "A bad parameter, named in the answer's errors",
      content =
          @Content(
              mediaType = "application/problem+json",
              examples =
                  @ExampleObject(name = "bad phone", value = CaseViews.EXAMPLE_BAD_IDENTIFIER)))
  public CasePage list(
      @Parameter(example = "ASSIGNED") @QueryParam("status") CaseStatus status,
      @Parameter(example = "1", description = "1 is the most urgent")
          @QueryParam("priority")
          @Min(1)
          @Max(4)
          Integer priority,
      @Valid @BeanParam CaseFilter filter,
      @Parameter(example = "0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
      @Parameter(example = "50") @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200)
          int size) {
    return queries.list(status, priority, filter, page, size);
  }

  @GET
  @Path("/legal-clock")
  @Operation(
      summary = "Open cases near or past their legal deadline (CPC 2015 art. 147)",
      description =
          "Deadline first; a negative daysLeft is overdue. The deadline is 20 days from receipt,"
              + " two months for a case marked complex, two more after its one extension.")
  @APIResponse(responseCode = "200", description = "The cases")
  public List<LegalClockItem> legalClock() {
    return queries.legalClock(Instant.now());
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One case with its tips, identifiers, assignments and timeline")
  @APIResponse(
      responseCode = "200",
      description = "The case; ETag holds its version",
      headers = @Header(name = "ETag", description = "The case's version, to send in If-Match"),
      content = @Content(schema = @Schema(implementation = CaseDetail.class)))
  @APIResponse(responseCode = "404", description = "No such case in my unit's tree")
  public Response read(@PathParam("id") UUID id) {
    return withTag(queries.detail(id));
  }

  @GET
  @Path("/{id}/disputes")
  @Operation(summary = "The disputes of the case's identifiers, to decide")
  @APIResponse(responseCode = "200", description = "The disputes")
  @APIResponse(responseCode = "404", description = "No such case in my unit's tree")
  public List<DisputeViews.View> disputes(@PathParam("id") UUID id) {
    return disputes.ofCase(id);
  }

  @POST
  @Path("/{id}/acknowledge")
  @Operation(summary = "Acknowledge the case (stops the acknowledgement clock)")
  @APIResponse(
      responseCode = "200",
      description = "The case as changed, with its new ETag",
      headers = @Header(name = "ETag", description = "The case's version, to send in If-Match"),
      content = @Content(schema = @Schema(implementation = CaseDetail.class)))
  @APIResponse(responseCode = "404", description = "No such case in my unit's tree")
  @APIResponse(responseCode = "409", description = "Not allowed in the case's stage")
  @APIResponse(responseCode = "412", description = "Stale If-Match")
  @APIResponse(responseCode = "428", description = "No If-Match")
  public Response acknowledge(
      @PathParam("id") UUID id,
      @Parameter(description = IF_MATCH_DOC, example = IF_MATCH_EXAMPLE) @HeaderParam("If-Match")
          String ifMatch) {
    return withTag(workflow.acknowledge(id, ifMatch));
  }

  @POST
  @Path("/{id}/transitions")
  @Operation(summary = "Move the case to INVESTIGATING or SUSPENDED")
  @APIResponse(
      responseCode = "200",
      description = "The case as changed, with its new ETag",
      headers = @Header(name = "ETag", description = "The case's version, to send in If-Match"),
      content = @Content(schema = @Schema(implementation = CaseDetail.class)))
  @APIResponse(responseCode = "409", description = "Not allowed from the case's stage")
  @APIResponse(responseCode = "404", description = "No such case in my unit's tree")
  @APIResponse(responseCode = "412", description = "Stale If-Match")
  @APIResponse(responseCode = "428", description = "No If-Match")
  public Response transition(
      @PathParam("id") UUID id,
      @Parameter(description = IF_MATCH_DOC, example = IF_MATCH_EXAMPLE) @HeaderParam("If-Match")
          String ifMatch,
      @Valid @NotNull CaseRequests.Transition request) {
    return withTag(workflow.transition(id, ifMatch, request));
  }

  @POST
  @Path("/{id}/notes")
  @Operation(summary = "Add a note to the case's timeline")
  @APIResponse(
      responseCode = "200",
      description = "The case as changed, with its new ETag",
      headers = @Header(name = "ETag", description = "The case's version, to send in If-Match"),
      content = @Content(schema = @Schema(implementation = CaseDetail.class)))
  @APIResponse(responseCode = "404", description = "No such case in my unit's tree")
  @APIResponse(responseCode = "412", description = "Stale If-Match")
  @APIResponse(responseCode = "428", description = "No If-Match")
  public Response note(
      @PathParam("id") UUID id,
      @Parameter(description = IF_MATCH_DOC, example = IF_MATCH_EXAMPLE) @HeaderParam("If-Match")
          String ifMatch,
      @Valid @NotNull CaseRequests.Note request) {
    return withTag(workflow.note(id, ifMatch, request));
  }

  @POST
  @Path("/{id}/transfer")
  @Operation(summary = "Transfer the case to another unit, which must acknowledge it")
  @APIResponse(
      responseCode = "200",
      description = "The case as changed",
      headers = @Header(name = "ETag", description = "The case's version, to send in If-Match"),
      content = @Content(schema = @Schema(implementation = CaseDetail.class)))
  @APIResponse(responseCode = "400", description = "No such unit")
  @APIResponse(responseCode = "404", description = "No such case in my unit's tree")
  @APIResponse(responseCode = "412", description = "Stale If-Match")
  @APIResponse(responseCode = "428", description = "No If-Match")
  public Response transfer(
      @PathParam("id") UUID id,
      @Parameter(description = IF_MATCH_DOC, example = IF_MATCH_EXAMPLE) @HeaderParam("If-Match")
          String ifMatch,
      @Valid @NotNull CaseRequests.Transfer request) {
    return withTag(workflow.transfer(id, ifMatch, request));
  }

  @POST
  @Path("/{id}/freeze-requests")
  @Operation(
      summary = "Ask the banks to freeze chosen accounts of the case",
      description =
          "The only way a bank is asked to freeze: each account's bank gets freeze.requested naming"
              + " this request and a bounded hold. With followTrail, also a standing order: accounts"
              + " banks' answers trace later, up to maxLayer and until the time given, are asked to"
              + " freeze under it (without it they get only the account.traced advisory)")
  @APIResponse(
      responseCode = "200",
      description = "Requested; the case as changed",
      headers = @Header(name = "ETag", description = "The case's version, to send in If-Match"),
      content = @Content(schema = @Schema(implementation = CaseDetail.class)))
  @APIResponse(
      responseCode = "400",
      description = "An account is not one of the case's, or the standing order is out of bounds")
  @APIResponse(responseCode = "404", description = "No such case in my unit's tree")
  @APIResponse(
      responseCode = "409",
      description =
          "The case is closed or merged (case-closed), or every account named is held already"
              + " under a running hold and no standing order is asked (hold-running: extend that"
              + " hold instead; with followTrail such accounts are left as they are)")
  @APIResponse(responseCode = "412", description = "Stale If-Match")
  @APIResponse(responseCode = "428", description = "No If-Match")
  public Response freeze(
      @PathParam("id") UUID id,
      @Parameter(description = IF_MATCH_DOC, example = IF_MATCH_EXAMPLE) @HeaderParam("If-Match")
          String ifMatch,
      @Valid @NotNull CaseRequests.Freeze request) {
    return withTag(workflow.freeze(id, ifMatch, request));
  }

  @POST
  @Path("/{id}/legal-clock/complex")
  @Operation(
      summary = "Mark the case complex: two months from receipt to decide (CPC 2015 art. 147)",
      description = "Recorded in the timeline with the reason; published as LEGAL_DEADLINE_CHANGED")
  @APIResponse(
      responseCode = "200",
      description = "The case with its new legal deadline",
      headers = @Header(name = "ETag", description = "The case's version, to send in If-Match"),
      content = @Content(schema = @Schema(implementation = CaseDetail.class)))
  @APIResponse(responseCode = "404", description = "No such case in my unit's tree")
  @APIResponse(responseCode = "409", description = "Already complex, or the case is closed")
  @APIResponse(responseCode = "412", description = "Stale If-Match")
  @APIResponse(responseCode = "428", description = "No If-Match")
  public Response markComplex(
      @PathParam("id") UUID id,
      @Parameter(description = IF_MATCH_DOC, example = IF_MATCH_EXAMPLE) @HeaderParam("If-Match")
          String ifMatch,
      @Valid @NotNull CaseRequests.LegalClockChange request) {
    return withTag(legalDeadlines.markComplex(id, ifMatch, request));
  }

  @POST
  @Path("/{id}/legal-clock/extension")
  @Operation(
      summary = "Extend the legal deadline of a complex case by two months, once",
      description = "Recorded in the timeline with the reason; published as LEGAL_DEADLINE_CHANGED")
  @APIResponse(
      responseCode = "200",
      description = "The case with its new legal deadline",
      headers = @Header(name = "ETag", description = "The case's version, to send in If-Match"),
      content = @Content(schema = @Schema(implementation = CaseDetail.class)))
  @APIResponse(responseCode = "404", description = "No such case in my unit's tree")
  @APIResponse(
      responseCode = "409",
      description = "Not marked complex, extended already, or the case is closed")
  @APIResponse(responseCode = "412", description = "Stale If-Match")
  @APIResponse(responseCode = "428", description = "No If-Match")
  public Response extendLegalDeadline(
      @PathParam("id") UUID id,
      @Parameter(description = IF_MATCH_DOC, example = IF_MATCH_EXAMPLE) @HeaderParam("If-Match")
          String ifMatch,
      @Valid @NotNull CaseRequests.LegalClockChange request) {
    return withTag(legalDeadlines.extendLegalDeadline(id, ifMatch, request));
  }

  @POST
  @Path("/{id}/close")
  @Operation(summary = "Close the case as CONFIRMED or UNFOUNDED")
  @APIResponse(
      responseCode = "200",
      description = "Closed; the case as changed",
      headers = @Header(name = "ETag", description = "The case's version, to send in If-Match"),
      content = @Content(schema = @Schema(implementation = CaseDetail.class)))
  @APIResponse(responseCode = "409", description = "Not allowed from the case's stage")
  @APIResponse(responseCode = "404", description = "No such case in my unit's tree")
  @APIResponse(responseCode = "412", description = "Stale If-Match")
  @APIResponse(responseCode = "428", description = "No If-Match")
  public Response close(
      @PathParam("id") UUID id,
      @Parameter(description = IF_MATCH_DOC, example = IF_MATCH_EXAMPLE) @HeaderParam("If-Match")
          String ifMatch,
      @Valid @NotNull CaseRequests.Close request) {
    return withTag(workflow.close(id, ifMatch, request));
  }

  @POST
  @Path("/{id}/reopen")
  @Operation(
      summary = "Reopen a case closed as CONFIRMED",
      description =
          "Its unit (or one above) takes it back to ASSIGNED, with the reason in the timeline;"
              + " published as STATUS_CHANGED. New tips never reopen a case; a case closed as"
              + " UNFOUNDED stays closed (new tips open a new case that refers to it).")
  @APIResponse(
      responseCode = "200",
      description = "Reopened; the case as changed",
      headers = @Header(name = "ETag", description = "The case's version, to send in If-Match"),
      content = @Content(schema = @Schema(implementation = CaseDetail.class)))
  @APIResponse(responseCode = "404", description = "No such case in my unit's tree")
  @APIResponse(responseCode = "409", description = "Not closed as CONFIRMED")
  @APIResponse(responseCode = "412", description = "Stale If-Match")
  @APIResponse(responseCode = "428", description = "No If-Match")
  public Response reopen(
      @PathParam("id") UUID id,
      @Parameter(description = IF_MATCH_DOC, example = IF_MATCH_EXAMPLE) @HeaderParam("If-Match")
          String ifMatch,
      @Valid @NotNull CaseRequests.Reopen request) {
    return withTag(workflow.reopen(id, ifMatch, request));
  }

  /** The changed case, with its new version as the ETag (every change of a case answers so). */
  static Response withTag(CaseDetail detail) {
    return Response.ok(detail).tag(new EntityTag(Long.toString(detail.version()))).build();
  }
}
