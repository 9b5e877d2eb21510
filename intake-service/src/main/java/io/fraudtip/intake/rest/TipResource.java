package io.fraudtip.intake.rest;

import io.fraudtip.commons.problem.Problem;
import io.fraudtip.intake.service.TipService;
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
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Tip submission and tracking: open to anonymous callers. */
@Path("/api/v1/tips")
@Tag(name = "Tips", description = "Report online fraud and follow the report")
@Produces(MediaType.APPLICATION_JSON)
public class TipResource {
  private final TipService tips;

  TipResource(TipService tips) {
    this.tips = tips;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Report online fraud")
  @APIResponse(
      responseCode = "202",
      description = "The tip is stored and will be published",
      content = @Content(schema = @Schema(implementation = TipReceipt.class)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid tip: every bad field is listed",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Response submit(@Valid @NotNull TipSubmission submission, UriInfo uri) {
    TipReceipt receipt = tips.submit(submission);
    return Response.accepted(receipt)
        .location(uri.getBaseUriBuilder().path("api/v1/tips").path(receipt.trackingCode()).build())
        .build();
  }

  @GET
  @Path("{trackingCode}")
  @Operation(summary = "Follow a tip by its tracking code")
  @APIResponse(
      responseCode = "200",
      description = "The tip's status and public history",
      content = @Content(schema = @Schema(implementation = TipTracking.class)))
  @APIResponse(
      responseCode = "404",
      description = "No tip has this code",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public TipTracking track(@PathParam("trackingCode") String trackingCode) {
    return tips.track(trackingCode);
  }
}
