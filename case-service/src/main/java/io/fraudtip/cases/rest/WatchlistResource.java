package io.fraudtip.cases.rest;

import io.fraudtip.cases.api.WatchlistViews;
import io.fraudtip.cases.api.WatchlistViews.Batch;
import io.fraudtip.cases.api.WatchlistViews.BatchResult;
import io.fraudtip.cases.api.WatchlistViews.Item;
import io.fraudtip.cases.api.WatchlistViews.Result;
import io.fraudtip.cases.police.UnitScope;
import io.fraudtip.cases.watchlist.Watchlist;
import io.fraudtip.commons.problem.CleanText;
import io.fraudtip.commons.security.Caller;
import io.fraudtip.contracts.tips.IdentifierType;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
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
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Is this account, number or site linked to fraud reports? Open to citizens (no case details);
 * banks and police see case references.
 *
 * <p>Answered on the event loop when no answer needs the database (an identifier nobody reported,
 * or a cached answer): most checks never wait for a worker thread. The rest, and every police
 * caller (whose unit is looked up for the 403 of a deactivated unit), go to a worker thread. Most
 * single checks of banks and citizens are answered before they reach this resource, by {@link
 * WatchlistRoute}, which leaves to it everything but what memory answers.
 */
@Path("/api/v1/watchlist/check")
@Tag(
    name = "Watchlist",
    description = "Kiểm tra tài khoản, số điện thoại, trang web trước khi giao dịch")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class WatchlistResource {
  /** The longest value a single check takes. */
  static final int MAX_VALUE = 400;

  private final Watchlist watchlist;
  private final Caller caller;
  private final UnitScope scope;

  WatchlistResource(Watchlist watchlist, Caller caller, UnitScope scope) {
    this.watchlist = watchlist;
    this.caller = caller;
    this.scope = scope;
  }

  @GET
  @NonBlocking
  @Operation(
      summary = "Kiểm tra một định danh / check one identifier",
      description =
          "The value as people type it, normalised as intake stores it. A URL (any scheme, path,"
              + " case, www.) is also checked by its registrable domain; matchedOn says which"
              + " form is listed.")
  @APIResponse(
      responseCode = "200",
      description = "Listed or not, how many reports, since when, and which form matched",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Result.class),
              examples = {
                @ExampleObject(
                    name = "URL listed by its domain",
                    value = WatchlistViews.EXAMPLE_URL_BY_DOMAIN),
                @ExampleObject(name = "not listed", value = WatchlistViews.EXAMPLE_NOT_LISTED)
              }))
  @APIResponse(
      responseCode = "400",
      description =
          "Missing type or value, a value its type does not read (phone.invalid, url.host,"
              + " url.domain, url.shared-platform…: never stored, so no answer could be right),"
              + " or a bank account without its bank (BIN:account)")
  public Uni<Result> check(
      @Parameter(
              example = "URL",
              description = "PHONE, BANK_ACCOUNT, URL, DOMAIN, SOCIAL_ACCOUNT, CRYPTO_WALLET…")
          @QueryParam("type")
          @NotNull
          IdentifierType type,
      @Parameter(
              example = "https://BoCongAn-XacMinh.com/tra-cuu",
              examples = {
                @ExampleObject(name = "URL", value = "https://BoCongAn-XacMinh.com/tra-cuu"),
                @ExampleObject(name = "old 11-digit mobile", value = "01688 123 456"),
                @ExampleObject(name = "account by bank code", value = "VCB:0123456789")
              })
          @QueryParam("value")
          @NotBlank
          @Size(max = MAX_VALUE)
          @Pattern(regexp = CleanText.REGEX, message = "{" + CleanText.CODE + "}")
          String value) {
    List<Item> items = List.of(new Item(type, Watchlist.queryValue(type, value)));
    return answer(items).map(results -> results.get(0));
  }

  // On a worker thread: canonicalising up to 1,000 values (phone numbers are parsed) is too long a
  // turn for the event loop; identifiers unknown to the view still never reach the query.
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Check up to 1,000 identifiers at once (banks screening transfers)",
      description = "Each item as the single check: a URL also by its domain (see matchedOn)")
  @APIResponse(
      responseCode = "200",
      description = "One result per identifier, in order",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = BatchResult.class),
              examples =
                  @ExampleObject(name = "screening", value = WatchlistViews.EXAMPLE_BATCH_RESULT)))
  @APIResponse(
      responseCode = "400",
      description =
          "Empty, too many or invalid identifiers (each item a value its type reads), or a bank"
              + " account without its bank (BIN:account) or at a bank the directory does not know")
  public BatchResult checkBatch(
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = Batch.class),
                      examples =
                          @ExampleObject(name = "screening", value = WatchlistViews.EXAMPLE_BATCH)))
          @Valid
          @NotNull
          Batch batch) {
    try {
      return new BatchResult(watchlist.check(batch.items(), privileged()));
    } catch (Watchlist.Unreadable e) {
      throw e.problem(item -> "items[" + item + "].value");
    }
  }

  /** The single check's answer; a value its type does not read is a 400 on its field. */
  private Uni<List<Result>> answer(List<Item> items) {
    if (!caller.isPolice()) {
      boolean withCases = caller.isBank() || caller.isOperator();
      Optional<List<Result>> known;
      try {
        known = watchlist.fromMemory(items, withCases);
      } catch (Watchlist.Unreadable e) {
        throw e.problem(item -> "value");
      }
      if (known.isPresent()) {
        return Uni.createFrom().item(known.get());
      }
    }
    // The query (and a police caller's unit) on a worker; the request context goes along.
    return Uni.createFrom()
        .item(() -> watchlist.check(items, privileged()))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        .onFailure(Watchlist.Unreadable.class)
        .transform(e -> ((Watchlist.Unreadable) e).problem(item -> "value"));
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
