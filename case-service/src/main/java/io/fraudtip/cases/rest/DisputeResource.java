package io.fraudtip.cases.rest;

import io.fraudtip.cases.api.DisputeViews;
import io.fraudtip.cases.disputes.DisputeQueries;
import io.fraudtip.cases.disputes.Disputes;
import io.fraudtip.cases.quotas.DisputeQuota;
import io.fraudtip.commons.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Disputes of listings: filed by holders or banks, decided by the case's unit. */
@Path("/api/v1")
@Tag(name = "Disputes", description = "Khiếu nại danh sách cảnh báo / contest a listing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DisputeResource {
  private final Disputes disputes;
  private final DisputeQueries queries;
  private final DisputeQuota quota;

  DisputeResource(Disputes disputes, DisputeQueries queries, DisputeQuota quota) {
    this.disputes = disputes;
    this.queries = queries;
    this.quota = quota;
  }

  @POST
  @Path("/disputes")
  @PermitAll
  @Operation(
      summary = "Khiếu nại một định danh bị cảnh báo / contest a listing",
      description = "Holders anonymously, banks with their token for their own accounts")
  @APIResponse(
      responseCode = "201",
      description = "Filed; follow it with its id",
      headers = @Header(name = "Location", description = "Where to follow the dispute"),
      content = @Content(schema = @Schema(implementation = DisputeViews.Receipt.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "A missing field, or a value its type does not read (phone.invalid, url.host…, or an"
              + " account without its bank), as the watchlist check refuses it")
  @APIResponse(responseCode = "404", description = "The identifier is not listed")
  @APIResponse(
      responseCode = "409",
      description = "The identifier already has the most open disputes it may have")
  @APIResponse(
      responseCode = "429",
      description = "Too many requests, or this address filed its disputes for today")
  public Response file(@Valid @NotNull DisputeViews.File request) {
    quota.checkOpen(request);
    DisputeViews.Receipt receipt = disputes.file(request);
    return Response.created(URI.create("/api/v1/disputes/" + receipt.id())).entity(receipt).build();
  }

  @GET
  @Path("/disputes/{id}")
  @PermitAll
  @Operation(summary = "Trạng thái khiếu nại / where a dispute stands")
  @APIResponse(responseCode = "200", description = "The dispute's status")
  @APIResponse(responseCode = "404", description = "No such dispute")
  public DisputeViews.Receipt receipt(@PathParam("id") UUID id) {
    return queries.receipt(id);
  }

  @GET
  @Path("/disputes")
  @RolesAllowed(Roles.POLICE)
  @Operation(
      summary = "Open disputes my unit (or one below it) decides, soonest deadline first",
      description =
          "Includes the disputes escalated to my unit because the unit below did not decide them"
              + " in time (fraudtip.cases.dispute-decision-time)")
  @APIResponse(responseCode = "200", description = "The open disputes to decide")
  public List<DisputeViews.View> toDecide() {
    return queries.toDecide();
  }

  @POST
  @Path("/disputes/{id}/decision")
  @RolesAllowed(Roles.POLICE)
  @Operation(
      summary = "Decide a dispute; upheld delists the identifier and retracts alerts",
      description =
          "The deciding unit (or one above it) decides: the case's unit, or the unit above it the"
              + " dispute escalated to when not decided in time")
  @APIResponse(responseCode = "200", description = "Decided")
  @APIResponse(
      responseCode = "403",
      description =
          "The dispute escalated past my unit (not-deciding-unit): the unit above decides it now")
  @APIResponse(responseCode = "404", description = "No such dispute in my unit's tree")
  @APIResponse(responseCode = "409", description = "Already decided")
  public DisputeViews.View decide(
      @PathParam("id") UUID id, @Valid @NotNull DisputeViews.Decision decision) {
    return disputes.decide(id, decision);
  }

  @POST
  @Path("/disputes/{id}/review")
  @RolesAllowed(Roles.POLICE)
  @Operation(
      summary = "End the review of an identifier named again after an upheld dispute",
      description =
          "An upheld dispute keeps the identifier off the watchlist; a later report from an"
              + " independent source asks the deciding unit to review it. Confirming is a police"
              + " confirmation (listed again, HIGH); dismissing keeps it off.")
  @APIResponse(responseCode = "200", description = "Reviewed")
  @APIResponse(
      responseCode = "403",
      description = "The dispute escalated past my unit: the deciding unit reviews it")
  @APIResponse(responseCode = "404", description = "No such dispute in my unit's tree")
  @APIResponse(responseCode = "409", description = "No review open on this dispute")
  public DisputeViews.View review(
      @PathParam("id") UUID id, @Valid @NotNull DisputeViews.Review review) {
    return disputes.review(id, review);
  }
}
