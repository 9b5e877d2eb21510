package io.fraudtip.cases.rest;

import io.fraudtip.cases.api.CaseFileViews.EvidenceEntry;
import io.fraudtip.cases.api.CaseFileViews.EvidenceList;
import io.fraudtip.cases.evidence.CaseEvidenceFiles;
import io.fraudtip.cases.evidence.Download;
import io.fraudtip.cases.evidence.EvidenceExamples;
import io.fraudtip.commons.evidence.EvidenceFiles;
import io.fraudtip.commons.problem.Problem;
import io.fraudtip.commons.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A case's evidence for its unit and the units above it (404 for any other): attach a file, list
 * the unit's and the reporters' files, download one byte for byte with its checksum.
 */
@Path("/api/v1/cases/{id}")
@Tag(name = "Cases", description = "Police units pull and work their cases")
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.POLICE)
public class CaseEvidenceResource {
  private final CaseEvidenceFiles evidence;

  CaseEvidenceResource(CaseEvidenceFiles evidence) {
    this.evidence = evidence;
  }

  @POST
  @Path("evidence")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Attach a file to the case (a bank statement, a photo, a record)",
      description =
          "The body is the file itself. Its type is read from its bytes, whatever the"
              + " Content-Type or the name say: JPEG, PNG, WebP, HEIC images and PDF are kept,"
              + " anything else is refused and nothing is stored. At most"
              + " fraudtip.evidence.max-bytes (10 MiB) a file and fraudtip.evidence.max-files (10)"
              + " files of the units a case.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_OCTET_STREAM,
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(
      responseCode = "201",
      description = "Stored",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = EvidenceEntry.class),
              examples = @ExampleObject(name = "stored", value = EvidenceExamples.STORED)))
  @APIResponse(
      responseCode = "503",
      description =
          "Too many files are being uploaded at this moment (uploads-busy), answered before the"
              + " body is read; nothing was stored: send it again after Retry-After")
  @APIResponse(
      responseCode = "404",
      description = "No such case in my unit's tree",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "409",
      description = "The case has its most files",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "413",
      description = "The file is larger than fraudtip.evidence.max-bytes",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "415",
      description = "The bytes are not an image or a PDF",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "disguised", value = EvidenceExamples.DISGUISED)))
  public Response attach(
      @PathParam("id") UUID id,
      @Parameter(description = "The file's name", required = true, example = "sao-ke.pdf")
          @QueryParam("name")
          String name,
      byte[] body) {
    EvidenceEntry stored = evidence.attach(id, name, body);
    return Response.status(201)
        .entity(stored)
        .header("Repr-Digest", EvidenceFiles.Checked.reprDigest(stored.sha256()))
        .build();
  }

  @GET
  @Path("evidence")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "The case's evidence: the units' files and the reporters' files of its tips",
      description =
          "Names, detected types, sizes, SHA-256 checksums, who and when, and each file's"
              + " download path. The reporters' files are read from intake-service; when it"
              + " cannot be asked, note says so and only the units' files are listed.")
  @APIResponse(
      responseCode = "200",
      description = "The files, the units' first",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = EvidenceList.class),
              examples = @ExampleObject(name = "files", value = EvidenceExamples.LIST)))
  @APIResponse(
      responseCode = "404",
      description = "No such case in my unit's tree",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public EvidenceList list(@PathParam("id") UUID id) {
    return evidence.list(id);
  }

  @GET
  @Path("evidence/{fileId}")
  @Produces(MediaType.WILDCARD)
  @Operation(
      summary = "Download a file the unit attached, byte for byte",
      description = DOWNLOAD_DOC)
  @APIResponse(
      responseCode = "200",
      description = "The bytes",
      headers = {
        @Header(name = "Repr-Digest", description = "sha-256=:<Base64>: of the bytes"),
        @Header(name = "Content-Disposition", description = "attachment, with a safe name")
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_OCTET_STREAM,
              schema = @Schema(type = SchemaType.STRING, format = "binary"),
              examples = @ExampleObject(name = "pdf", value = "(the PDF file's bytes)")))
  @APIResponse(
      responseCode = "404",
      description = "No such case in my unit's tree, or no such file in it",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response unitFile(@PathParam("id") UUID id, @PathParam("fileId") UUID fileId) {
    return download(evidence.unitFile(id, fileId));
  }

  @GET
  @Path("tips/{tipId}/evidence/{fileId}")
  @Produces(MediaType.WILDCARD)
  @Operation(
      summary = "Download a reporter's file of a tip of the case, byte for byte",
      description = DOWNLOAD_DOC + " Read from intake-service, which keeps it with the tip.")
  @APIResponse(
      responseCode = "200",
      description = "The bytes",
      headers = {
        @Header(name = "Repr-Digest", description = "sha-256=:<Base64>: of the bytes"),
        @Header(name = "Content-Disposition", description = "attachment, with a safe name")
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_OCTET_STREAM,
              schema = @Schema(type = SchemaType.STRING, format = "binary"),
              examples = @ExampleObject(name = "png", value = "(the PNG file's bytes)")))
  @APIResponse(
      responseCode = "404",
      description = "No such case in my unit's tree, no such tip in it, or no such file",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "503",
      description = "intake-service could not be asked",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response tipFile(
      @PathParam("id") UUID id, @PathParam("tipId") UUID tipId, @PathParam("fileId") UUID fileId) {
    return download(evidence.tipFile(id, tipId, fileId));
  }

  private static final String DOWNLOAD_DOC =
      "The bytes as stored, with Content-Type (detected from the bytes), Content-Disposition"
          + " (attachment, a safe name) and Repr-Digest (sha-256=:<Base64>:, RFC 9530), the same"
          + " SHA-256 as the list shows in hex.";

  private static Response download(Download d) {
    return Response.ok(d.bytes(), d.contentType())
        .header("Content-Disposition", EvidenceFiles.contentDisposition(d.name()))
        .header("Repr-Digest", EvidenceFiles.Checked.reprDigest(d.sha256()))
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }
}
