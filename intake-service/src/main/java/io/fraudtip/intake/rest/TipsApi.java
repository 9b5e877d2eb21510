package io.fraudtip.intake.rest;

import io.fraudtip.commons.problem.Problem;
import io.fraudtip.commons.problem.ProblemMessages;
import io.fraudtip.intake.api.Examples;
import io.fraudtip.intake.api.TipReceipt;
import io.fraudtip.intake.api.TipSubmission;
import io.fraudtip.intake.api.TipTracking;
import io.fraudtip.intake.service.IdempotencyKeys;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The tip API as published: paths, headers and the OpenAPI text of each operation, with the
 * examples in {@link Examples}. {@link TipResource} implements it, so that the resource reads as
 * HTTP only.
 */
@Path("/api/v1/tips")
@Tag(name = "Tips", description = "Report online fraud (tố giác lừa đảo) and follow the report")
@Produces(MediaType.APPLICATION_JSON)
public interface TipsApi {
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Report online fraud",
      description =
          "Takes a tip, checks every input rule, normalises it (phones in E.164, banks as NAPAS"
              + " BINs, URLs with their registrable domain) and answers once it is durable. The"
              + " tip is published on tips.v1 within milliseconds. Anonymous callers are welcome;"
              + " requests are rate-limited per client and per source address.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TipSubmission.class),
              examples =
                  @ExampleObject(
                      name = "fake-police-call",
                      summary = "Giả danh công an (a fake police call), with a transfer",
                      value = Examples.TIP)))
  @Parameter(
      name = IdempotencyKeys.HEADER,
      in = ParameterIn.HEADER,
      description =
          "Makes a retry safe: a repeat with the same key and body gets the first answer and"
              + " stores nothing new; the same key with another body is refused (422); a repeat"
              + " while the first is still being processed is refused (409). Keys are remembered"
              + " for 24 hours (fraudtip.intake.idempotency.expiry), per client: a client that"
              + " names itself (bearer token or X-Api-Key) never meets another client's keys;"
              + " anonymous callers share one space, so send a UUID. 1 to 100 visible ASCII"
              + " characters in one header (two are refused, 400).",
      schema =
          @Schema(
              type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
              maxLength = 100),
      example = "5f0c9a7e-2b8d-4c1e-9a57-0d6f3b2e8c41")
  @Parameter(
      name = HttpHeaders.ACCEPT_LANGUAGE,
      in = ParameterIn.HEADER,
      description = ProblemMessages.ACCEPT_LANGUAGE_DOC,
      example = "vi")
  @APIResponse(
      responseCode = "202",
      description = "The tip is stored and will be published; keep the tracking code",
      headers = {
        @Header(name = "Location", description = "Where to follow the tip"),
        @Header(
            name = "Idempotent-Replayed",
            description = "true when this is the first answer to an earlier request with the key")
      },
      content = @Content(schema = @Schema(implementation = TipReceipt.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "Invalid tip: every bad field is listed with its JSON path, a stable code (such as"
              + " phone.invalid, bank.unknown, account.invalid, url.invalid, url.scheme, url.host,"
              + " url.domain, province.unknown, commune.unknown, commune.province, time.future,"
              + " time.tooOld, reporter.contact, field.unknown, NotNull, NotBlank, Size, Max,"
              + " PositiveOrZero) and a message in the caller's language",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples =
                  @ExampleObject(name = "bad-phone-and-bank", value = Examples.BAD_PHONE_AND_BANK)))
  @APIResponse(
      responseCode = "409",
      description = "A request with the same Idempotency-Key is still being processed",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples = @ExampleObject(name = "in-flight", value = Examples.IN_FLIGHT)))
  @APIResponse(
      responseCode = "413",
      description = "The body is larger than the limit (fraudtip.http.max-body-bytes)",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples = @ExampleObject(name = "too-large", value = Examples.TOO_LARGE)))
  @APIResponse(
      responseCode = "422",
      description = "The Idempotency-Key was already used with another body",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples = @ExampleObject(name = "mismatch", value = Examples.KEY_MISMATCH)))
  @APIResponse(
      responseCode = "429",
      description = "Too many requests from this client or address; retry after Retry-After",
      headers = @Header(name = "Retry-After", description = "Seconds to wait"),
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples = @ExampleObject(name = "too-many", value = Examples.TOO_MANY)))
  @APIResponse(
      responseCode = "503",
      description =
          "Not stored: the service is stopping, too many tips are waiting for their commit, or"
              + " another change to the same records won a race; send the same request (with its"
              + " Idempotency-Key) again after Retry-After",
      headers = @Header(name = "Retry-After", description = "Seconds to wait"),
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples = @ExampleObject(name = "unavailable", value = Examples.UNAVAILABLE)))
  Uni<Response> submit(
      byte[] body,
      @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
      @Context HttpHeaders headers,
      @Context UriInfo uri)
      throws IOException;

  @GET
  @Path("{trackingCode}")
  @Operation(
      summary = "Follow a tip by its tracking code",
      description =
          "The tip's status (it follows the tip's case) and its public history; never any"
              + " personal data. Case is ignored and look-alike characters (O/0, I/L/1) are"
              + " accepted.")
  @APIResponse(
      responseCode = "200",
      description = "The tip's status and public history",
      content =
          @Content(
              schema = @Schema(implementation = TipTracking.class),
              examples = @ExampleObject(name = "assigned", value = Examples.TRACKING)))
  @APIResponse(
      responseCode = "404",
      description = "No tip has this code",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples = @ExampleObject(name = "unknown-code", value = Examples.NO_TIP)))
  @APIResponse(
      responseCode = "429",
      description = "Too many requests from this client or address; retry after Retry-After",
      headers = @Header(name = "Retry-After", description = "Seconds to wait"),
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples = @ExampleObject(name = "too-many", value = Examples.TOO_MANY)))
  TipTracking track(
      @Parameter(
              description = "The tracking code given when the tip was accepted",
              example = "K7QM-4XRT-9P")
          @PathParam("trackingCode")
          String trackingCode);
}
