package io.fraudtip.notification.rest;

import io.fraudtip.commons.problem.Problem;
import io.fraudtip.commons.security.Caller;
import io.fraudtip.commons.security.Roles;
import io.fraudtip.notification.api.DeliveryDetail;
import io.fraudtip.notification.api.DeliveryView;
import io.fraudtip.notification.api.ListParams;
import io.fraudtip.notification.api.ReplayCount;
import io.fraudtip.notification.api.ReplayRequest;
import io.fraudtip.notification.domain.Alert;
import io.fraudtip.notification.domain.DeliveryState;
import io.fraudtip.notification.service.DeliveryLog;
import io.fraudtip.notification.service.ListQuery;
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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
  private static final List<String> STATES =
      Arrays.stream(DeliveryState.values()).map(Enum::name).toList();

  private final DeliveryLog log;
  private final Caller caller;

  DeliveryResource(DeliveryLog log, Caller caller) {
    this.log = log;
    this.caller = caller;
  }

  @GET
  @Operation(summary = "Deliveries, newest first (a bank sees its own), filtered, a page at a time")
  @APIResponse(
      responseCode = "200",
      description = ListParams.PAGE,
      headers = @Header(name = ListParams.NEXT_CURSOR, description = ListParams.NEXT_CURSOR_TEXT),
      content =
          @Content(schema = @Schema(implementation = DeliveryView.class, type = SchemaType.ARRAY)))
  @APIResponse(
      responseCode = "400",
      description = "A bad filter or cursor, named in the problem's errors",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Response list(
      @QueryParam("endpointId") @Parameter(description = "Only this endpoint's deliveries")
          UUID endpointId,
      @QueryParam("alertId") @Parameter(description = "Only this alert's deliveries") UUID alertId,
      @QueryParam("type")
          @Parameter(description = ListParams.TYPE, example = ListParams.TYPE_EXAMPLE)
          String type,
      @QueryParam("state")
          @Parameter(
              description =
                  "PENDING (an attempt is due), SUCCEEDED or FAILED (the schedule ran out or the"
                      + " endpoint is gone); another value is a 400",
              example = "FAILED")
          String state,
      @QueryParam("account")
          @Parameter(description = ListParams.ACCOUNT, example = ListParams.ACCOUNT_EXAMPLE)
          String account,
      @QueryParam("since")
          @Parameter(description = ListParams.SINCE, example = ListParams.SINCE_EXAMPLE)
          String since,
      @QueryParam("cursor")
          @Parameter(description = ListParams.CURSOR, example = ListParams.CURSOR_EXAMPLE)
          String cursor,
      @QueryParam("limit")
          @DefaultValue("100")
          @Min(1)
          @Max(1000)
          @Parameter(description = ListParams.LIMIT, example = "50")
          int limit) {
    ListQuery q = ListQuery.of(type, Alert.TYPES, state, STATES, account, since, cursor, limit);
    ListQuery.Page<DeliveryView> page =
        log.list(scope(), Optional.ofNullable(endpointId), Optional.ofNullable(alertId), q);
    return Response.ok(page.items()).header(ListParams.NEXT_CURSOR, page.nextCursor()).build();
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
  @Operation(
      summary = "Send one message again now, with the same webhook-id",
      description =
          "Starts a new round of the retry schedule. While an attempt is in flight nothing more"
              + " is sent: that attempt's answer is the new round's first. An attempt sent before"
              + " still counts if it succeeds; its failure never reopens a delivery the bank has"
              + " nor changes the new round's schedule.")
  @APIResponse(
      responseCode = "202",
      description = "Scheduled; the delivery as it now stands",
      content = @Content(schema = @Schema(implementation = DeliveryView.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such delivery for this bank",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description =
          "The endpoint is disabled (endpoint-disabled: enable it first) or was removed"
              + " (endpoint-removed)",
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
  @APIResponse(
      responseCode = "202",
      description = "How many were scheduled",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ReplayCount.class)))
  @APIResponse(
      responseCode = "400",
      description = "No since, or a since in the future",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such endpoint for this bank",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "The endpoint named is disabled (endpoint-disabled): enable it first",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Response replayFailed(@Valid @NotNull ReplayRequest request) {
    int count =
        log.replayFailed(scope(), Optional.ofNullable(request.endpointId()), request.since());
    return Response.accepted(new ReplayCount(count)).build();
  }

  private Optional<String> scope() {
    return BankScope.of(caller);
  }
}
