package io.fraudtip.cases.rest;

import io.fraudtip.cases.admin.Administration;
import io.fraudtip.cases.admin.AllowList;
import io.fraudtip.cases.api.AllowListViews;
import io.fraudtip.cases.api.Examples;
import io.fraudtip.cases.api.Rules;
import io.fraudtip.cases.api.UnitRequest;
import io.fraudtip.cases.api.UnitView;
import io.fraudtip.commons.problem.LimitResponses;
import io.fraudtip.commons.security.Caller;
import io.fraudtip.commons.security.Roles;
import io.fraudtip.contracts.tips.IdentifierType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators manage the police unit tree, the routing rules and the allow-list. */
@Path("/api/v1/admin")
@Tag(
    name = "Administration",
    description = "Police units, routing rules and the allow-list of identifiers, as data")
@SecurityRequirement(name = "jwt")
@Extension(name = LimitResponses.QUOTA, value = LimitResponses.NO_QUOTA)
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminResource {
  private static final String RULE_400 =
      "A bad field, named: an unknown target unit (unit.unknown) or template placeholder"
          + " (target.template), an empty scam type, a loss range whose most is below its least"
          + " (loss.range)";

  private final Administration admin;
  private final AllowList allowList;
  private final Caller caller;

  AdminResource(Administration admin, AllowList allowList, Caller caller) {
    this.admin = admin;
    this.allowList = allowList;
    this.caller = caller;
  }

  @GET
  @Path("/allow-list")
  @Operation(
      summary = "The allow-list: identifiers that never link cases and are never listed",
      description = "Official hotlines, emergency numbers, banks' and authorities' own domains")
  @APIResponse(
      responseCode = "200",
      description = "The entries, by type and value",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(type = SchemaType.ARRAY, implementation = AllowListViews.Entry.class),
              examples = @ExampleObject(name = "hotline", value = Examples.ALLOW_LIST)))
  public List<AllowListViews.Entry> allowList() {
    return allowList.list();
  }

  @POST
  @Path("/allow-list")
  @Operation(
      summary = "Put an identifier on the allow-list, with the reason",
      description =
          "The value is stored in canonical form. From then on no tip links cases through it and"
              + " the watchlist does not list it; a domain covers its sub-domains and URLs on"
              + " them. Case identifiers it covers are delisted now (timeline ALLOW_LISTED,"
              + " IDENTIFIER_DELISTED on cases.v1, so banks' alerts are retracted).")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AllowListViews.Request.class),
              examples = {
                @ExampleObject(name = "hotline", value = Examples.ALLOW_LIST_HOTLINE),
                @ExampleObject(name = "bank domain", value = Examples.ALLOW_LIST_BANK_DOMAIN)
              }))
  @APIResponse(
      responseCode = "201",
      description = "Added; how many case identifiers it delisted",
      content = @Content(schema = @Schema(implementation = AllowListViews.Added.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "Missing type, value or reason, or a value that is not one of its type: a public suffix"
              + " (com.vn, gov.vn: it would cover every site under it) or a bad host (url.domain,"
              + " url.host), a bank account without its bank (account.bank-required) or at an"
              + " unknown one (bank.unknown), a phone that is neither a number nor a short code of"
              + " 3 to 6 digits (phone.invalid)")
  @APIResponse(responseCode = "409", description = "On the allow-list already")
  public Response addToAllowList(@Valid @NotNull AllowListViews.Request request) {
    return Response.status(Response.Status.CREATED)
        .entity(allowList.add(request, caller.subject()))
        .build();
  }

  @DELETE
  @Path("/allow-list")
  @Operation(
      summary = "Take an identifier off the allow-list",
      description =
          "Tips that come after link cases through it again, and the case identifiers it took off"
              + " the watchlist are listed again (a line in each case's timeline), unless another"
              + " entry still covers them or an upheld dispute took them off too. Their banks are"
              + " not alerted anew.")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(responseCode = "404", description = "Not on the allow-list")
  public void removeFromAllowList(
      @Parameter(example = "PHONE", required = true) @QueryParam("type") @NotNull
          IdentifierType type,
      @Parameter(example = "+841900545413", required = true) @QueryParam("value") @NotBlank
          String value) {
    allowList.remove(type, value, caller.subject());
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
  public UnitView unit(@Parameter(example = "PA05-66") @PathParam("code") String code) {
    return admin.unit(code);
  }

  @POST
  @Path("/units")
  @Operation(summary = "Add a police unit below its parent")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      headers = @Header(name = "Location", description = "Where to read the unit"),
      content = @Content(schema = @Schema(implementation = UnitView.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "A bad field, named: no parent (unit.parent-required: only the root has none), an unknown"
              + " parent (unit.unknown), a level above its parent's (unit.level), a tree too deep"
              + " (unit.too-deep)")
  @APIResponse(responseCode = "409", description = "The code is taken")
  public Response createUnit(@Valid @NotNull UnitRequest request) {
    UnitView unit = admin.createUnit(request);
    return Response.created(URI.create("/api/v1/admin/units/" + unit.code())).entity(unit).build();
  }

  @PUT
  @Path("/units/{code}")
  @Operation(summary = "Change a police unit (name, parent, active)")
  @APIResponse(responseCode = "200", description = "The unit as changed")
  @APIResponse(
      responseCode = "400",
      description =
          "A bad field, named: no parent (unit.parent-required: only the root has none), an unknown"
              + " parent (unit.unknown) or one below itself (unit.cycle), a level above its"
              + " parent's or below one of its units (unit.level), a tree too deep (unit.too-deep)."
              + " Left out, active keeps its value")
  @APIResponse(responseCode = "404", description = "No such unit")
  public UnitView updateUnit(
      @Parameter(example = "PA05-66") @PathParam("code") String code,
      @Valid @NotNull UnitRequest request) {
    return admin.updateUnit(code, request);
  }

  @GET
  @Path("/rules")
  @Operation(summary = "All routing rules, in the order they are tried")
  @APIResponse(responseCode = "200", description = "The rules")
  public List<Rules.View> rules() {
    return admin.rules();
  }

  @GET
  @Path("/rules/{id}")
  @Operation(summary = "One routing rule")
  @APIResponse(responseCode = "200", description = "The rule")
  @APIResponse(responseCode = "404", description = "No such rule")
  public Rules.View rule(@Parameter(example = "R-ROMANCE") @PathParam("id") String id) {
    return admin.rule(id);
  }

  @POST
  @Path("/rules")
  @Operation(summary = "Add a routing rule")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      headers = @Header(name = "Location", description = "Where to read the rule"),
      content = @Content(schema = @Schema(implementation = Rules.View.class)))
  @APIResponse(responseCode = "400", description = RULE_400)
  @APIResponse(responseCode = "409", description = "The id is taken")
  public Response createRule(@Valid @NotNull Rules.Request request) {
    Rules.View rule = admin.createRule(request);
    return Response.created(URI.create("/api/v1/admin/rules/" + rule.id())).entity(rule).build();
  }

  @PUT
  @Path("/rules/{id}")
  @Operation(summary = "Change a routing rule")
  @APIResponse(responseCode = "200", description = "The rule as changed")
  @APIResponse(responseCode = "400", description = RULE_400)
  @APIResponse(responseCode = "404", description = "No such rule")
  public Rules.View updateRule(
      @Parameter(example = "R-ROMANCE") @PathParam("id") String id,
      @Valid @NotNull Rules.Request request) {
    return admin.updateRule(id, request);
  }

  @DELETE
  @Path("/rules/{id}")
  @Operation(summary = "Deactivate a routing rule (kept: assignments name it)")
  @APIResponse(responseCode = "204", description = "Deactivated")
  @APIResponse(responseCode = "404", description = "No such rule")
  public void deactivateRule(@Parameter(example = "R-ROMANCE") @PathParam("id") String id) {
    admin.deactivateRule(id);
  }
}
