package io.fraudtip.notification.rest;

import io.fraudtip.commons.problem.Problem;
import io.fraudtip.commons.security.Caller;
import io.fraudtip.commons.security.Roles;
import io.fraudtip.notification.api.AlertAnswer;
import io.fraudtip.notification.api.AlertView;
import io.fraudtip.notification.api.AnswerReceipt;
import io.fraudtip.notification.api.ListParams;
import io.fraudtip.notification.domain.Alert;
import io.fraudtip.notification.service.AlertReads;
import io.fraudtip.notification.service.AlertResponses;
import io.fraudtip.notification.service.ListQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

/** Alerts for banks, and the banks' answers. A bank sees only its own alerts. */
@Path("/api/v1/alerts")
@Tag(name = "Alerts", description = "Alerts about reported accounts and the banks' answers")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final AlertResponses alerts;
  private final AlertReads reads;
  private final Caller caller;

  AlertResource(AlertResponses alerts, AlertReads reads, Caller caller) {
    this.alerts = alerts;
    this.reads = reads;
    this.caller = caller;
  }

  @GET
  @RolesAllowed({Roles.BANK, Roles.OPERATOR})
  @Operation(
      summary = "My bank's alerts, newest first (operators: all), filtered, a page at a time")
  @APIResponse(
      responseCode = "200",
      description = ListParams.PAGE,
      headers = @Header(name = ListParams.NEXT_CURSOR, description = ListParams.NEXT_CURSOR_TEXT),
      content =
          @Content(schema = @Schema(implementation = AlertView.class, type = SchemaType.ARRAY)))
  @APIResponse(
      responseCode = "400",
      description = "A bad filter or cursor, named in the problem's errors",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Response list(
      @QueryParam("type")
          @Parameter(description = ListParams.TYPE, example = ListParams.TYPE_EXAMPLE)
          String type,
      @QueryParam("state")
          @Parameter(
              description =
                  "DELIVERED (an endpoint of the bank answered 2xx) or UNDELIVERED; another value"
                      + " is a 400",
              example = "UNDELIVERED")
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
    ListQuery q =
        ListQuery.of(type, Alert.TYPES, state, AlertReads.STATES, account, since, cursor, limit);
    ListQuery.Page<AlertView> page = reads.list(bankScope(), q);
    return Response.ok(page.items()).header(ListParams.NEXT_CURSOR, page.nextCursor()).build();
  }

  @GET
  @Path("{alertId}")
  @RolesAllowed({Roles.BANK, Roles.OPERATOR})
  @Operation(summary = "One alert")
  @APIResponse(responseCode = "200", description = "The alert")
  @APIResponse(
      responseCode = "404",
      description = "No such alert for this bank",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public AlertView get(@PathParam("alertId") UUID alertId) {
    return reads.get(alertId, bankScope());
  }

  @POST
  @Path("{alertId}/responses")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.BANK)
  @Operation(
      summary = "Answer an alert: what the bank did",
      description =
          "One answer per alert is current: a new answer replaces the bank's current one (the"
              + " earlier stays in the history and the case's timeline), and the case's held and"
              + " restored totals count current answers only, so that an answer sent again counts"
              + " once. Two lines are current side by side: what the bank did with the money (every"
              + " outcome but RESTORED) and what it returned (RESTORED, the total so far).")
  @APIResponse(
      responseCode = "202",
      description = "The answer is recorded, replaces the current one and will reach the case",
      content = @Content(schema = @Schema(implementation = AnswerReceipt.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "Every broken rule, one per field with a stable code: amount.required,"
              + " amount.unexpected (an amount the outcome does not carry: frozen but for FROZEN"
              + " and PARTLY_FROZEN, restored but for RESTORED), transfers.required, transfers.unexpected, amount.exceeds-reached (frozen above"
              + " what the alert says reached the account: its transfers, or the amount a freeze"
              + " or hold names), amount.exceeds-frozen (restored above"
              + " what the current answer holds), time.before-transfer-in, time.future,"
              + " amount.exceeds-moved, account.invalid, bank.unknown",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such alert for this bank",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description =
          "case-closed: the alert's case was closed (confirmed or unfounded; a RESTORED answer on a"
              + " case closed as confirmed is taken, money goes back after the police confirm);"
              + " alert-retracted: the"
              + " account was delisted and its alerts retracted. The detail names the case or"
              + " account and when; alert-takes-no-answer: the alert is a notice about an"
              + " endpoint, not an account",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "422",
      description = "The Idempotency-Key was sent before with another answer to this alert",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Response answer(
      @PathParam("alertId") UUID alertId,
      @HeaderParam(IDEMPOTENCY_KEY)
          @Parameter(
              description =
                  "Any unique string per answer (e.g. a UUID): a retry with the same key and the"
                      + " same answer gets the first answer's responseId and records nothing",
              example = "3f1c9f5e-2b0a-4d1e-9a57-0c8b7f1f2e11")
          @Size(min = 1, max = 100)
          String idempotencyKey,
      @Valid @NotNull AlertAnswer answer) {
    UUID id = alerts.answer(alertId, bankScope(), caller.subject(), answer, idempotencyKey);
    return Response.accepted(new AnswerReceipt(id)).build();
  }

  private Optional<String> bankScope() {
    return BankScope.of(caller);
  }
}
