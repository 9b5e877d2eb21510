package io.fraudtip.cases.rest;

import io.fraudtip.cases.api.CaseFileViews.CaseFile;
import io.fraudtip.cases.casefile.CaseFilePdf;
import io.fraudtip.cases.casefile.CaseFiles;
import io.fraudtip.commons.problem.Problem;
import io.fraudtip.commons.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The case file, as JSON or as a PDF to hand to a prosecutor or a court. */
@Path("/api/v1/cases/{id}/file")
@Tag(name = "Cases", description = "Police units pull and work their cases")
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.POLICE)
public class CaseFileResource {
  static final String PDF = "application/pdf";
  static final String REASON_DOC =
      "Include the reporters' contacts, for this stated reason: each tip's read is written to the"
          + " access log, as POST …/tips/{tipId}/contact-reads";

  static final String REASON_EXAMPLE = "Lấy lời khai người tố giác";

  private final CaseFiles files;

  CaseFileResource(CaseFiles files) {
    this.files = files;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "The case file: the case's facts in one document (JSON, or PDF by Accept)",
      description =
          "Tips (without the reporters' contacts unless contactReason is given), identifiers by"
              + " layer, timeline, bank answers, amounts held and restored, evidence with"
              + " checksums. Accept: application/pdf gives the same as a PDF.")
  @APIResponse(
      responseCode = "200",
      description = "The case file",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CaseFile.class)),
        // the PDF operation below shares this path and method; the document names it here
        @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"))
      })
  @APIResponse(
      responseCode = "400",
      description = "A blank contactReason",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such case in my unit's tree",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public CaseFile json(
      @PathParam("id") UUID id,
      @Parameter(description = REASON_DOC, example = REASON_EXAMPLE) @QueryParam("contactReason")
          String contactReason) {
    return files.file(id, contactReason);
  }

  @GET
  @Produces(PDF)
  // Hidden only as an operation of its own: OpenAPI has one operation per path and method, and
  // the JSON one documents the PDF as its second media type.
  @Operation(summary = "The case file as a PDF", hidden = true)
  public Response pdf(@PathParam("id") UUID id, @QueryParam("contactReason") String contactReason) {
    CaseFile file = files.file(id, contactReason);
    return Response.ok(CaseFilePdf.render(file), PDF)
        .header("Content-Disposition", "attachment; filename=\"" + file.reference() + ".pdf\"")
        .build();
  }
}
