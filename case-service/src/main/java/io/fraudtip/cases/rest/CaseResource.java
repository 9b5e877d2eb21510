package io.fraudtip.cases.rest;

import io.fraudtip.cases.service.CaseQueries;
import io.fraudtip.commons.security.Caller;
import io.fraudtip.commons.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The police API: a unit's cases. */
@Path("/api/v1/cases")
@Tag(name = "Cases", description = "Police units pull and work their cases")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class CaseResource {
  private final CaseQueries queries;
  private final Caller caller;

  CaseResource(CaseQueries queries, Caller caller) {
    this.queries = queries;
    this.caller = caller;
  }

  @GET
  @RolesAllowed(Roles.POLICE)
  @Operation(summary = "The cases assigned to my unit")
  public List<CaseSummary> mine() {
    return queries.assignedTo(caller.unit().orElseThrow());
  }
}
