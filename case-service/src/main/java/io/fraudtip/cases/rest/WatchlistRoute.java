package io.fraudtip.cases.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fraudtip.cases.api.WatchlistViews.Item;
import io.fraudtip.cases.api.WatchlistViews.Result;
import io.fraudtip.cases.quotas.RequestQuotas;
import io.fraudtip.cases.quotas.RequestQuotas.Kind;
import io.fraudtip.cases.watchlist.Watchlist;
import io.fraudtip.commons.problem.CleanText;
import io.fraudtip.commons.ratelimit.TooManyRequests;
import io.fraudtip.commons.security.Roles;
import io.fraudtip.contracts.tips.IdentifierType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;

/**
 * The single watchlist check's fast path, on the event loop below the REST layer: a check that
 * memory answers (an identifier nobody reported, or a recent answer) for a bank, an operator, a
 * citizen or a client is answered here, as {@link WatchlistResource} answers it. Everything else
 * goes on to {@link WatchlistResource}, which is the endpoint's whole behaviour and its
 * documentation: a police caller, parameters that do not validate or come twice, an answer that
 * needs the database, a caller over its quota (the resource answers the 429), an {@code Accept}
 * that is not JSON. Banks screen transfers with this check, and the REST layer's per-request work
 * (request scope, filters, interceptors, context propagation) was most of its cost.
 */
@ApplicationScoped
public class WatchlistRoute {
  static final String PATH = "/api/v1/watchlist/check";
  private static final String JSON = "application/json;charset=UTF-8";

  private final Watchlist watchlist;
  private final RequestQuotas quotas;
  private final ObjectMapper mapper;

  /** Checks answered here rather than by the REST layer. */
  private final Counter answered;

  WatchlistRoute(
      Watchlist watchlist, RequestQuotas quotas, ObjectMapper mapper, MeterRegistry registry) {
    this.watchlist = watchlist;
    this.quotas = quotas;
    this.mapper = mapper;
    this.answered =
        Counter.builder("fraudtip.watchlist.route.answers")
            .description("Single watchlist checks answered below the REST layer")
            .register(registry);
  }

  void install(@Observes Router router) {
    router.get(PATH).handler(this::check);
  }

  void check(RoutingContext context) {
    Optional<Buffer> answer;
    try {
      answer = answer(context);
    } catch (RuntimeException e) {
      // Whatever this path cannot answer (an input the normaliser throws on, say): the resource
      // answers it, through the problem mapper, as it always has.
      answer = Optional.empty();
    }
    if (answer.isEmpty()) {
      context.next();
      return;
    }
    answered.increment();
    context
        .response()
        .putHeader(HttpHeaders.CONTENT_TYPE, JSON)
        .setStatusCode(200)
        .end(answer.get());
  }

  /** The answer's body, or empty when the REST layer is to answer. */
  private Optional<Buffer> answer(RoutingContext context) {
    HttpServerRequest request = context.request();
    Optional<Item> item = item(request.params());
    Optional<SecurityIdentity> identity = identity(context);
    if (item.isEmpty()
        || identity.isEmpty()
        || identity.get().hasRole(Roles.POLICE)
        || !acceptsJson(request.getHeader(HttpHeaders.ACCEPT))) {
      return Optional.empty();
    }
    SecurityIdentity caller = identity.get();
    boolean withCases = caller.hasRole(Roles.BANK) || caller.hasRole(Roles.OPERATOR);
    Optional<List<Result>> known = watchlist.fromMemory(List.of(item.get()), withCases);
    if (known.isEmpty()) {
      return Optional.empty();
    }
    // As RateLimitFilter takes it, once a request.
    Kind kind = caller.isAnonymous() ? Kind.OTHER : Kind.of(caller::hasRole);
    String client =
        TooManyRequests.client(
            caller.isAnonymous() ? null : caller.getPrincipal(),
            request.getHeader(TooManyRequests.API_KEY));
    if (quotas.take(kind, TooManyRequests.address(request), client).isPresent()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Buffer.buffer(mapper.writeValueAsBytes(known.get().get(0))));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** The type and value asked, when each is there once and valid as the resource validates it. */
  private static Optional<Item> item(MultiMap params) {
    List<String> types = params.getAll("type");
    List<String> values = params.getAll("value");
    if (types.size() != 1 || values.size() != 1) {
      return Optional.empty();
    }
    String value = values.get(0);
    if (value.isBlank()
        || value.length() > WatchlistResource.MAX_VALUE
        || !CleanText.isClean(value)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Item(IdentifierType.valueOf(types.get(0)), value));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The caller as the authentication that runs before every route saw it (a bad token is answered
   * 401 there); empty when it left none, and the REST layer then finds out.
   */
  private static Optional<SecurityIdentity> identity(RoutingContext context) {
    return context.user() instanceof QuarkusHttpUser user
        ? Optional.ofNullable(user.getSecurityIdentity())
        : Optional.empty();
  }

  private static boolean acceptsJson(String accept) {
    return accept == null
        || accept.isBlank()
        || accept.contains("application/json")
        || accept.contains("*/*")
        || accept.contains("application/*");
  }
}
