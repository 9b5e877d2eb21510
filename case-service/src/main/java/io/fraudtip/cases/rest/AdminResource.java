package io.fraudtip.cases.rest;

import io.fraudtip.cases.service.Administration;
import io.fraudtip.commons.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators manage the police unit tree and the routing rules. */
@Path("/api/v1/admin")
@Tag(name = "Administration", description = "Police units and routing rules, as data")
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminResource {
  private final Administration admin;

  AdminResource(Administration admin) {
    this.admin = admin;
  }

  @GET
  @Path("/units")
  @Operation(summary = "All police units, in tree order")
  @APIResponse(responseCode = "200", description = "The units")
  public List<UnitView> units() {
    return admin.units();
  }

  @GET
  @Path("/units/{code}")
  @Operation(summary = "One police unit")
  @APIResponse(responseCode = "200", description = "The unit")
  @APIResponse(responseCode = "404", description = "No such unit")
  public UnitView unit(@PathParam("code") String code) {
    return admin.unit(code);
  }

  @POST
  @Path("/units")
  @Operation(summary = "Add a police unit below its parent")
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(responseCode = "400", description = "Invalid unit")
  @APIResponse(responseCode = "409", description = "The code is taken")
  public Response createUnit(@Valid @NotNull UnitRequest request) {
    UnitView unit = admin.createUnit(request);
    return Response.created(URI.create("/api/v1/admin/units/" + unit.code())).entity(unit).build();
  }

  @PUT
  @Path("/units/{code}")
  @Operation(summary = "Change a police unit (name, parent, active)")
  @APIResponse(responseCode = "200", description = "The unit as changed")
  @APIResponse(responseCode = "404", description = "No such unit")
  public UnitView updateUnit(@PathParam("code") String code, @Valid @NotNull UnitRequest request) {
    return admin.updateUnit(code, request);
  }

  @GET
  @Path("/rules")
  @Operation(summary = "All routing rules, in the order they are tried")
  @APIResponse(responseCode = "200", description = "The rules")
  public List<RuleView> rules() {
    return admin.rules();
  }

  @GET
  @Path("/rules/{id}")
  @Operation(summary = "One routing rule")
  @APIResponse(responseCode = "200", description = "The rule")
  @APIResponse(responseCode = "404", description = "No such rule")
  public RuleView rule(@PathParam("id") String id) {
    return admin.rule(id);
  }

  @POST
  @Path("/rules")
  @Operation(summary = "Add a routing rule")
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(responseCode = "400", description = "Invalid rule")
  @APIResponse(responseCode = "409", description = "The id is taken")
  public Response createRule(@Valid @NotNull RuleRequest request) {
    RuleView rule = admin.createRule(request);
    return Response.created(URI.create("/api/v1/admin/rules/" + rule.id())).entity(rule).build();
  }

  @PUT
  @Path("/rules/{id}")
  @Operation(summary = "Change a routing rule")
  @APIResponse(responseCode = "200", description = "The rule as changed")
  @APIResponse(responseCode = "404", description = "No such rule")
  public RuleView updateRule(@PathParam("id") String id, @Valid @NotNull RuleRequest request) {
    return admin.updateRule(id, request);
  }

  @DELETE
  @Path("/rules/{id}")
  @Operation(summary = "Deactivate a routing rule (kept: assignments name it)")
  @APIResponse(responseCode = "204", description = "Deactivated")
  @APIResponse(responseCode = "404", description = "No such rule")
  public void deactivateRule(@PathParam("id") String id) {
    admin.deactivateRule(id);
  }
}
