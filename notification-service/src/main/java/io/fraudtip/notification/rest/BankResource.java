package io.fraudtip.notification.rest;

import io.fraudtip.commons.problem.Problem;
import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.commons.security.Roles;
import io.fraudtip.contracts.banks.BankDirectory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The bundled bank directory, keyed by NAPAS BIN. */
@Path("/api/v1/banks")
@Tag(name = "Banks", description = "The directory of Vietnamese banks, keyed by NAPAS BIN")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.BANK, Roles.OPERATOR, Roles.POLICE})
public class BankResource {
  private final BankDirectory banks;

  BankResource(BankDirectory banks) {
    this.banks = banks;
  }

  @GET
  @Operation(summary = "Every bank of the directory")
  @APIResponse(responseCode = "200", description = "The banks, by BIN")
  public List<BankDirectory.Bank> list() {
    return banks.all().stream().sorted(Comparator.comparing(BankDirectory.Bank::bin)).toList();
  }

  @GET
  @Path("{bin}")
  @Operation(summary = "One bank by its BIN")
  @APIResponse(responseCode = "200", description = "The bank")
  @APIResponse(
      responseCode = "404",
      description = "No bank with this BIN",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public BankDirectory.Bank get(
      @Parameter(description = "The bank's NAPAS BIN", example = "970436") @PathParam("bin")
          String bin) {
    return banks.byBin(bin).orElseThrow(() -> ProblemException.notFound("Bank"));
  }
}
