package io.fraudtip.intake.rest;

import io.fraudtip.commons.evidence.EvidenceFiles;
import io.fraudtip.commons.security.ServiceSignatures;
import io.fraudtip.intake.api.EvidenceExamples;
import io.fraudtip.intake.api.EvidenceViews.EvidenceFileView;
import io.fraudtip.intake.service.EvidenceService;
import io.fraudtip.intake.service.EvidenceService.Signed;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * case-service reads a tip's evidence for the case's unit, signed with the services' shared key
 * (the signed text is the method and path, {@link EvidenceFiles#signedRead}); case-service checks
 * the unit's scope before it asks.
 */
@Path("/internal/v1/tips/{tipId}/evidence")
@Tag(name = "Internal", description = "Calls between the platform's services, signed")
@PermitAll
public class EvidenceInternalResource {
  private final EvidenceService evidence;

  EvidenceInternalResource(EvidenceService evidence) {
    this.evidence = evidence;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "A tip's evidence files, for case-service",
      description =
          "Signed by case-service (Fraudtip-Service-Timestamp, Fraudtip-Service-Signature: v1,"
              + " HMAC-SHA256 of timestamp + \".GET \" + path)")
  @APIResponse(
      responseCode = "200",
      description = "The files, oldest first, without their bytes",
      content =
          @Content(
              schema = @Schema(type = SchemaType.ARRAY, implementation = EvidenceFileView.class),
              examples = @ExampleObject(name = "files", value = EvidenceExamples.LIST)))
  @APIResponse(responseCode = "401", description = "Not signed by case-service, or not fresh")
  public List<EvidenceFileView> list(
      @PathParam("tipId") UUID tipId,
      @Parameter(example = ServiceSignatures.TIMESTAMP_EXAMPLE)
          @HeaderParam(ServiceSignatures.TIMESTAMP)
          String timestamp,
      @Parameter(example = ServiceSignatures.SIGNATURE_EXAMPLE)
          @HeaderParam(ServiceSignatures.SIGNATURE)
          String signature,
      @Context UriInfo uri) {
    return evidence.ofTip(tipId, new Signed(timestamp, signature, uri.getRequestUri().getPath()));
  }

  @GET
  @Path("{fileId}")
  @Produces(MediaType.WILDCARD)
  @Operation(
      summary = "One evidence file's bytes, for case-service",
      description = "Signed as the list; the bytes as stored, with their detected type")
  @APIResponse(
      responseCode = "200",
      description = "The bytes, with Content-Type (detected) and Repr-Digest (SHA-256)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_OCTET_STREAM,
              schema = @Schema(type = SchemaType.STRING, format = "binary"),
              examples = @ExampleObject(name = "png", value = "(the PNG's bytes)")))
  @APIResponse(responseCode = "401", description = "Not signed by case-service, or not fresh")
  @APIResponse(responseCode = "404", description = "No such file of that tip")
  public Response file(
      @PathParam("tipId") UUID tipId,
      @PathParam("fileId") UUID fileId,
      @Parameter(example = ServiceSignatures.TIMESTAMP_EXAMPLE)
          @HeaderParam(ServiceSignatures.TIMESTAMP)
          String timestamp,
      @Parameter(example = ServiceSignatures.SIGNATURE_EXAMPLE)
          @HeaderParam(ServiceSignatures.SIGNATURE)
          String signature,
      @Context UriInfo uri) {
    EvidenceService.Download f =
        evidence.file(
            tipId, fileId, new Signed(timestamp, signature, uri.getRequestUri().getPath()));
    return Response.ok(f.bytes(), f.contentType())
        .header("Repr-Digest", EvidenceFiles.Checked.reprDigest(f.sha256()))
        .header("Content-Disposition", EvidenceFiles.contentDisposition(f.name()))
        .build();
  }
}
