package io.fraudtip.cases.rest;

import io.fraudtip.cases.api.WatchlistViews.Batch;
import io.fraudtip.cases.api.WatchlistViews.BatchResult;
import io.fraudtip.cases.api.WatchlistViews.Item;
import io.fraudtip.cases.api.WatchlistViews.Result;
import io.fraudtip.cases.police.UnitScope;
import io.fraudtip.cases.watchlist.Watchlist;
import io.fraudtip.commons.problem.CleanText;
import io.fraudtip.commons.security.Caller;
import io.fraudtip.contracts.tips.IdentifierType;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Is this account, number or site linked to fraud reports? Open to citizens (no case details);
 * banks and police see case references.
 */
@Path("/api/v1/watchlist/check")
@Tag(
    name = "Watchlist",
    description = "Kiểm tra tài khoản, số điện thoại, trang web trước khi giao dịch")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class WatchlistResource {
  private final Watchlist watchlist;
  private final Caller caller;
  private final UnitScope scope;

  WatchlistResource(Watchlist watchlist, Caller caller, UnitScope scope) {
    this.watchlist = watchlist;
    this.caller = caller;
    this.scope = scope;
  }

  @GET
  @Operation(summary = "Kiểm tra một định danh / check one identifier")
  @APIResponse(responseCode = "200", description = "Listed or not, how many reports, since when")
  @APIResponse(responseCode = "400", description = "Missing type or value")
  public Result check(
      @Parameter(example = "PHONE") @QueryParam("type") @NotNull IdentifierType type,
      @Parameter(example = "0912345678")
          @QueryParam("value")
          @NotBlank
          @Size(max = 400)
          @Pattern(regexp = CleanText.REGEX, message = "{" + CleanText.CODE + "}")
          String value) {
    return watchlist.check(List.of(new Item(type, value)), privileged()).get(0);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Check up to 1,000 identifiers at once (banks screening transfers)")
  @APIResponse(responseCode = "200", description = "One result per identifier, in order")
  @APIResponse(responseCode = "400", description = "Empty, too many or invalid identifiers")
  public BatchResult checkBatch(@Valid @NotNull Batch batch) {
    return new BatchResult(watchlist.check(batch.items(), privileged()));
  }

  private boolean privileged() {
    if (caller.isPolice()) {
      // A deactivated unit's token names no case references any more: 403, as on the police API.
      scope.unit();
      return true;
    }
    return caller.isBank() || caller.isOperator();
  }
}
