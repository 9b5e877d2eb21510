package io.fraudtip.notification.rest;

import io.fraudtip.commons.problem.Problem;
import io.fraudtip.commons.security.Caller;
import io.fraudtip.commons.security.Roles;
import io.fraudtip.notification.api.EndpointRequest;
import io.fraudtip.notification.api.EndpointSecret;
import io.fraudtip.notification.api.EndpointUpdate;
import io.fraudtip.notification.api.EndpointView;
import io.fraudtip.notification.service.EndpointService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A bank's webhook endpoints: the bank manages its own, operators all of them. */
@Path("/api/v1/endpoints")
@Tag(name = "Endpoints", description = "Where banks receive signed webhooks")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.BANK, Roles.OPERATOR})
public class EndpointResource {
  private final EndpointService endpoints;
  private final Caller caller;

  EndpointResource(EndpointService endpoints, Caller caller) {
    this.endpoints = endpoints;
    this.caller = caller;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Register an endpoint",
      description =
          "The answer holds the signing secret, shown only this once. The URL must be https and"
              + " resolve to public addresses only. Each webhook is signed the Standard Webhooks"
              + " way and may arrive more than once under one webhook-id (a retry, a replay, or a"
              + " resend at once when the connection closed before the answer): answer 2xx and"
              + " drop repeats by the webhook-id.")
  @APIResponse(
      responseCode = "201",
      description = "Registered",
      content = @Content(schema = @Schema(implementation = EndpointSecret.class)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid or refused URL, unknown bank or event type",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description =
          "endpoint-limit: the bank has the active endpoints it may have; delete or pause one"
              + " first",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Response create(@Valid @NotNull EndpointRequest request) {
    EndpointSecret created = endpoints.create(scope(), request);
    return Response.created(URI.create("/api/v1/endpoints/" + created.endpoint().id()))
        .entity(created)
        .build();
  }

  @GET
  @Operation(summary = "My bank's endpoints (operators: all, or one bank's)")
  @APIResponse(responseCode = "200", description = "The endpoints, without secrets")
  @APIResponse(responseCode = "400", description = "bankBin is not a BIN (digits)")
  public List<EndpointView> list(
      @Parameter(description = "Operators: one bank's, by its NAPAS BIN", example = "970436")
          @QueryParam("bankBin")
          @Pattern(regexp = "[0-9]{1,8}")
          String bankBin) {
    return endpoints.list(scope(), Optional.ofNullable(bankBin));
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One endpoint")
  @APIResponse(responseCode = "200", description = "The endpoint, without its secret")
  @APIResponse(
      responseCode = "404",
      description = "No such endpoint for this bank",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public EndpointView get(@PathParam("id") UUID id) {
    return endpoints.get(scope(), id);
  }

  @PATCH
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change an endpoint: URL, event types, description, pause or re-enable")
  @APIResponse(responseCode = "200", description = "The changed endpoint")
  @APIResponse(
      responseCode = "404",
      description = "No such endpoint for this bank",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid or refused URL, unknown event type",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description =
          "endpoint-limit (re-enabling): the bank has the active endpoints it may have; delete or pause one"
              + " first",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public EndpointView update(@PathParam("id") UUID id, @Valid @NotNull EndpointUpdate update) {
    return endpoints.update(scope(), id, update);
  }

  @DELETE
  @Path("{id}")
  @Operation(
      summary = "Remove an endpoint",
      description =
          "It is no longer listed, read or changed, and cannot be enabled again; where it has a"
              + " delivery log, the log stays readable (GET /api/v1/deliveries) and its deliveries"
              + " still under way end as FAILED")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(
      responseCode = "404",
      description = "No such endpoint for this bank",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Response delete(@PathParam("id") UUID id) {
    endpoints.delete(scope(), id);
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/secret/rotate")
  @Operation(
      summary = "Rotate the signing secret",
      description =
          "The new secret is shown only this once. Until previousSecretValidUntil every delivery"
              + " carries both signatures, so the bank can switch without losing one. Rotating"
              + " again within that time keeps the earlier secret signing too, until its own grace"
              + " ends (three signatures at most).")
  @APIResponse(
      responseCode = "200",
      description = "The new secret",
      content = @Content(schema = @Schema(implementation = EndpointSecret.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such endpoint for this bank",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public EndpointSecret rotate(@PathParam("id") UUID id) {
    return endpoints.rotate(scope(), id);
  }

  private Optional<String> scope() {
    return BankScope.of(caller);
  }
}
