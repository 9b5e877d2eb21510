package io.fraudtip.intake.rest;

import io.fraudtip.commons.security.ServiceSignatures;
import io.fraudtip.intake.api.ContactRequest;
import io.fraudtip.intake.api.ReporterContact;
import io.fraudtip.intake.service.ContactDisclosures;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * case-service's call for a reporter's contact, signed with the services' shared key instead of a
 * bearer token: no user token opens personal data, only a read case-service checked and logged.
 */
@Path("/internal/v1/tips/{tipId}/contact")
@Tag(name = "Internal", description = "Calls between the platform's services, signed")
@PermitAll
public class ContactResource {
  private final ContactDisclosures disclosures;

  ContactResource(ContactDisclosures disclosures) {
    this.disclosures = disclosures;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "A tip's reporter contact, for case-service's logged police read",
      description =
          "Signed by case-service (Fraudtip-Service-Timestamp, Fraudtip-Service-Signature: v1,"
              + " HMAC-SHA256 of timestamp.body); the tip must be in the named case")
  @APIResponse(responseCode = "200", description = "The contact")
  @APIResponse(responseCode = "401", description = "Not signed by case-service, or not fresh")
  @APIResponse(responseCode = "404", description = "No such tip in that case, or anonymous")
  @APIResponse(responseCode = "409", description = "This read id was already served")
  public ReporterContact contact(
      @PathParam("tipId") UUID tipId,
      @Parameter(example = ServiceSignatures.TIMESTAMP_EXAMPLE)
          @HeaderParam(ServiceSignatures.TIMESTAMP)
          String timestamp,
      @Parameter(example = ServiceSignatures.SIGNATURE_EXAMPLE)
          @HeaderParam(ServiceSignatures.SIGNATURE)
          String signature,
      @RequestBody(
              required = true,
              description = "The request as case-service signed it, byte for byte",
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ContactRequest.class)))
          String body) {
    return disclosures.disclose(tipId, timestamp, signature, body, Instant.now());
  }
}
