package io.fraudtip.cases.rest;

import io.fraudtip.cases.api.ContactViews.ContactReadPage;
import io.fraudtip.cases.contact.ContactReadLog;
import io.fraudtip.commons.problem.LimitResponses;
import io.fraudtip.commons.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators read the access log of reporter contact reads. */
@Path("/api/v1/admin/contact-reads")
@Tag(
    name = "Administration",
    description = "Police units, routing rules and the allow-list of identifiers, as data")
@SecurityRequirement(name = "jwt")
@Extension(name = LimitResponses.QUOTA, value = LimitResponses.NO_QUOTA)
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class ContactReadLogResource {
  private final ContactReadLog log;

  ContactReadLogResource(ContactReadLog log) {
    this.log = log;
  }

  @GET
  @Operation(
      summary = "The access log of reporter contact reads, newest first",
      description = "Who (unit, officer), when, which case and tip, why, and what came of it")
  @APIResponse(responseCode = "200", description = "One page of the log")
  public ContactReadPage list(
      @QueryParam("caseId") UUID caseId,
      @Parameter(description = "Only the reads of this unit", example = "PA05-66")
          @QueryParam("unit")
          String unit,
      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
    return log.list(caseId, unit, page, size);
  }
}
