package io.fraudtip.cases.rest;

import io.fraudtip.cases.api.ContactViews.ContactReadRequest;
import io.fraudtip.cases.api.ContactViews.ContactReadResult;
import io.fraudtip.cases.contact.ContactReads;
import io.fraudtip.commons.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The case's unit (or one above it) reads a reporter's contact, with a reason, on the record. */
@Path("/api/v1/cases/{id}/tips/{tipId}/contact-reads")
@Tag(name = "Cases", description = "Police units pull and work their cases")
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.POLICE)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContactReadResource {
  private final ContactReads reads;

  ContactReadResource(ContactReads reads) {
    this.reads = reads;
  }

  @POST
  @Operation(
      summary = "Read the reporter's contact of one tip of the case, with a stated reason",
      description =
          "Allowed to the case's unit and the units above it. Every read is written to the access"
              + " log (unit, officer, time, case, tip, reason) before the contact is fetched from"
              + " intake-service, which alone holds it sealed; operators read the log at"
              + " /api/v1/admin/contact-reads.")
  @APIResponse(responseCode = "200", description = "The contact, and the log entry's id")
  @APIResponse(responseCode = "400", description = "No reason, or a blank one")
  @APIResponse(
      responseCode = "404",
      description = "No such case in my unit's tree, no such tip in it, or an anonymous tip")
  @APIResponse(responseCode = "409", description = "intake does not see the tip in the case yet")
  @APIResponse(responseCode = "503", description = "intake could not be asked")
  public ContactReadResult read(
      @PathParam("id") UUID id,
      @PathParam("tipId") UUID tipId,
      @Valid @NotNull ContactReadRequest request) {
    return reads.read(id, tipId, request.reason());
  }
}
