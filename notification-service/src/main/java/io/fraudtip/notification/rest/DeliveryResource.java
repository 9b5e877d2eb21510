package io.fraudtip.notification.rest;

import io.fraudtip.commons.problem.Problem;
import io.fraudtip.commons.security.Caller;
import io.fraudtip.commons.security.Roles;
import io.fraudtip.notification.api.DeliveryDetail;
import io.fraudtip.notification.api.DeliveryView;
import io.fraudtip.notification.api.ReplayRequest;
import io.fraudtip.notification.domain.DeliveryState;
import io.fraudtip.notification.service.DeliveryLog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The delivery log and replays: a bank reads and replays its own, operators all. */
@Path("/api/v1/deliveries")
@Tag(name = "Deliveries", description = "Webhook delivery log and replays")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.BANK, Roles.OPERATOR})
public class DeliveryResource {
  private final DeliveryLog log;
  private final Caller caller;

  DeliveryResource(DeliveryLog log, Caller caller) {
    this.log = log;
    this.caller = caller;
  }

  @GET
  @Operation(summary = "Deliveries, newest first (a bank sees its own)")
  @APIResponse(responseCode = "200", description = "The deliveries")
  public List<DeliveryView> list(
      @QueryParam("endpointId") UUID endpointId,
      @QueryParam("alertId") UUID alertId,
      @QueryParam("state") DeliveryState state,
      @QueryParam("since") Instant since,
      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
    return log.list(
        scope(),
        Optional.ofNullable(endpointId),
        Optional.ofNullable(alertId),
        Optional.ofNullable(state),
        Optional.ofNullable(since),
        limit);
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One delivery with every attempt: time, status, latency, answer, error")
  @APIResponse(responseCode = "200", description = "The delivery and its attempts")
  @APIResponse(
      responseCode = "404",
      description = "No such delivery for this bank",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public DeliveryDetail get(@PathParam("id") UUID id) {
    return log.get(scope(), id);
  }

  @POST
  @Path("{id}/replay")
  @Operation(summary = "Send one message again now, with the same webhook-id")
  @APIResponse(responseCode = "202", description = "Scheduled")
  @APIResponse(
      responseCode = "404",
      description = "No such delivery for this bank",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "The endpoint is disabled",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Response replay(@PathParam("id") UUID id) {
    return Response.accepted(log.replay(scope(), id)).build();
  }

  @POST
  @Path("replay")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Send again every delivery that failed since a time")
  @APIResponse(responseCode = "202", description = "How many were scheduled")
  public Response replayFailed(@Valid @NotNull ReplayRequest request) {
    int count =
        log.replayFailed(scope(), Optional.ofNullable(request.endpointId()), request.since());
    return Response.accepted(Map.of("replayed", count)).build();
  }

  private Optional<String> scope() {
    return BankScope.of(caller);
  }
}
