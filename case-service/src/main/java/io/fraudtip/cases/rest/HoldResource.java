package io.fraudtip.cases.rest;

import io.fraudtip.cases.api.CaseViews.CaseDetail;
import io.fraudtip.cases.api.HoldRequests;
import io.fraudtip.cases.police.HoldWorkflow;
import io.fraudtip.commons.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The police API on a case's holds (SPEC §10, "Holds are bounded"): the case's unit, or one above
 * it, extends a hold with a reason or lifts it. Same rules as every change of a case: 404 outside
 * the caller's unit tree, If-Match with the case's ETag.
 */
@Path("/api/v1/cases/{id}/holds/{holdId}")
@Tag(name = "Cases", description = "Police units pull and work their cases")
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.POLICE)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HoldResource {

  private final HoldWorkflow workflow;

  HoldResource(HoldWorkflow workflow) {
    this.workflow = workflow;
  }

  @POST
  @Path("/extension")
  @Operation(
      summary = "Extend a hold of the case, with the reason",
      description =
          "The new expiry is after the current one and at most fraudtip.freezes.max-extension (90"
              + " days) from now. Recorded on the hold and in the timeline; the holding bank gets"
              + " hold.extended with the new expiry and the reason.")
  @APIResponse(
      responseCode = "200",
      description = "Extended; the case as changed",
      headers = @Header(name = "ETag", description = "The case's version, to send in If-Match"),
      content = @Content(schema = @Schema(implementation = CaseDetail.class)))
  @APIResponse(responseCode = "400", description = "No reason, or the new expiry out of bounds")
  @APIResponse(responseCode = "404", description = "No such case in my unit's tree, or hold in it")
  @APIResponse(responseCode = "409", description = "The hold was lifted or has expired")
  @APIResponse(responseCode = "412", description = "Stale If-Match")
  @APIResponse(responseCode = "428", description = "No If-Match")
  public Response extend(
      @PathParam("id") UUID id,
      @PathParam("holdId") UUID holdId,
      @Parameter(description = CaseResource.IF_MATCH_DOC, example = CaseResource.IF_MATCH_EXAMPLE)
          @HeaderParam("If-Match")
          String ifMatch,
      @Valid @NotNull HoldRequests.Extend request) {
    return CaseResource.withTag(workflow.extend(id, holdId, ifMatch, request));
  }

  @POST
  @Path("/lift")
  @Operation(
      summary = "Lift a hold of the case, with the reason",
      description =
          "Recorded on the hold and in the timeline; the holding bank gets hold.lifted with the"
              + " reason and may release the money held.")
  @APIResponse(
      responseCode = "200",
      description = "Lifted; the case as changed",
      headers = @Header(name = "ETag", description = "The case's version, to send in If-Match"),
      content = @Content(schema = @Schema(implementation = CaseDetail.class)))
  @APIResponse(responseCode = "400", description = "No reason")
  @APIResponse(responseCode = "404", description = "No such case in my unit's tree, or hold in it")
  @APIResponse(responseCode = "409", description = "The hold was lifted or has expired")
  @APIResponse(responseCode = "412", description = "Stale If-Match")
  @APIResponse(responseCode = "428", description = "No If-Match")
  public Response lift(
      @PathParam("id") UUID id,
      @PathParam("holdId") UUID holdId,
      @Parameter(description = CaseResource.IF_MATCH_DOC, example = CaseResource.IF_MATCH_EXAMPLE)
          @HeaderParam("If-Match")
          String ifMatch,
      @Valid @NotNull HoldRequests.Lift request) {
    return CaseResource.withTag(workflow.lift(id, holdId, ifMatch, request));
  }
}
