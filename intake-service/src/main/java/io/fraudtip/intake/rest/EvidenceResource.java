package io.fraudtip.intake.rest;

import io.fraudtip.commons.evidence.EvidenceFiles;
import io.fraudtip.commons.problem.Problem;
import io.fraudtip.intake.api.EvidenceExamples;
import io.fraudtip.intake.api.EvidenceViews.EvidenceFileView;
import io.fraudtip.intake.service.EvidenceService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A reporter attaches files to their tip with its tracking code: anonymous like the tip itself, and
 * under the same rate limits ({@link RateLimitFilter} covers every path under /api/v1/tips).
 */
@Path("/api/v1/tips/{trackingCode}/evidence")
@Tag(name = "Tips", description = "Report online fraud (tố giác lừa đảo) and follow the report")
@Produces(MediaType.APPLICATION_JSON)
public class EvidenceResource {
  private final EvidenceService evidence;

  EvidenceResource(EvidenceService evidence) {
    this.evidence = evidence;
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Attach a file to my tip (a screenshot, a transfer receipt, a PDF)",
      description =
          "The body is the file itself. Its type is read from its bytes, whatever the"
              + " Content-Type or the name say: JPEG, PNG, WebP, HEIC images and PDF are kept,"
              + " anything else (an executable named .jpg) is refused and nothing is stored. At"
              + " most fraudtip.evidence.max-bytes (10 MiB) a file and fraudtip.evidence.max-files"
              + " (10) files a tip; rate-limited like tips.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_OCTET_STREAM,
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(
      responseCode = "201",
      description = "Stored, with the checksum the police will see",
      headers = @Header(name = "Repr-Digest", description = "sha-256=:<Base64>: of the bytes"),
      content =
          @Content(
              schema = @Schema(implementation = EvidenceFileView.class),
              examples = @ExampleObject(name = "stored", value = EvidenceExamples.STORED)))
  @APIResponse(
      responseCode = "400",
      description = "An empty file or no name",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "404",
      description = "No tip has this code",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "409",
      description = "The tip has its most files",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "too-many", value = EvidenceExamples.TOO_MANY)))
  @APIResponse(
      responseCode = "413",
      description = "The file is larger than fraudtip.evidence.max-bytes",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "too-large", value = EvidenceExamples.TOO_LARGE)))
  @APIResponse(
      responseCode = "415",
      description = "The bytes are not an image or a PDF",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "disguised", value = EvidenceExamples.DISGUISED)))
  @APIResponse(
      responseCode = "429",
      description =
          "Too many requests from this client or address, or this address has uploaded its"
              + " allowance of evidence bytes (upload-quota, 256 MiB a day by default); retry after"
              + " Retry-After",
      headers = @Header(name = "Retry-After", description = "Seconds to wait"),
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "503",
      description =
          "Too many files are being uploaded at this moment (uploads-busy), answered before the"
              + " body is read; nothing was stored: send it again after Retry-After",
      headers = @Header(name = "Retry-After", description = "Seconds to wait"),
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response attach(
      @Parameter(description = "The tip's tracking code", example = "K7QM-4XRT-9P")
          @PathParam("trackingCode")
          String trackingCode,
      @Parameter(description = "The file's name", required = true, example = "chuyen-khoan.png")
          @QueryParam("name")
          String name,
      byte[] body) {
    EvidenceFileView stored = evidence.attach(trackingCode, name, body);
    return Response.status(201)
        .entity(stored)
        .header("Repr-Digest", EvidenceFiles.Checked.reprDigest(stored.sha256()))
        .build();
  }

  @GET
  @Operation(
      summary = "The files attached to my tip",
      description = "Names, types, sizes and checksums; never the bytes")
  @APIResponse(
      responseCode = "200",
      description = "The files, oldest first",
      content =
          @Content(
              schema = @Schema(type = SchemaType.ARRAY, implementation = EvidenceFileView.class),
              examples = @ExampleObject(name = "files", value = EvidenceExamples.LIST)))
  @APIResponse(
      responseCode = "404",
      description = "No tip has this code",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public List<EvidenceFileView> list(
      @Parameter(description = "The tip's tracking code", example = "K7QM-4XRT-9P")
          @PathParam("trackingCode")
          String trackingCode) {
    return evidence.ofTrackingCode(trackingCode);
  }
}
