package io.fraudtip.cases.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fraudtip.cases.api.WatchlistViews.Item;
import io.fraudtip.cases.api.WatchlistViews.Result;
import io.fraudtip.cases.quotas.RequestQuotas;
import io.fraudtip.cases.watchlist.Watchlist;
import io.fraudtip.commons.problem.CleanText;
import io.fraudtip.commons.ratelimit.TokenQuotas.Kind;
import io.fraudtip.commons.ratelimit.TooManyRequests;
import io.fraudtip.commons.security.Roles;
import io.fraudtip.commons.security.VerifiedTokens;
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
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The single watchlist check's fast path, on the event loop below the REST layer: a check that
 * memory answers (an identifier nobody reported, or a recent answer) for a bank, an operator, a
 * citizen or a client is answered here, as {@link WatchlistResource} answers it. Everything else
 * goes on to {@link WatchlistResource}, which is the endpoint's whole behaviour and its
 * documentation: a police caller, parameters that do not validate or come twice, an answer that
 * needs the database, a caller over its quota (the resource answers the 429), an {@code Accept}
 * that is not JSON. Banks screen transfers with this check, and the REST layer's per-request work
 * (request scope, filters, interceptors, context propagation) was most of its cost.
 *
 * <p>It is installed twice (the first only while tokens travel as {@code Authorization: Bearer},
 * smallrye-jwt's default). First before authentication, for a request without credentials (a
 * citizen) or with a bearer token that the authentication handler verified before and {@link
 * VerifiedTokens} still keeps: Quarkus' security chain (its reactive pipeline, the identity it
 * builds, the REST layer's template match for a failure that cannot come) was most of what such a
 * check cost once the REST layer was gone. Any other request (a token not kept, one that does not
 * verify, another scheme) goes on to authentication as before, and then past it to the second
 * install, which takes the identity authentication made.
 */
@ApplicationScoped
public class WatchlistRoute {
  static final String PATH = "/api/v1/watchlist/check";

  /** Encoded once, not for each answer. */
  private static final CharSequence JSON =
      HttpHeaders.createOptimized("application/json;charset=UTF-8");

  private static final String BEARER = "Bearer ";

  /** How long the body of a listed answer nobody asks for is kept. */
  private static final Duration BODY_KEPT_UNASKED = Duration.ofSeconds(30);

  /**
   * Most bytes of listed answers' bodies kept, those asked most, within a heap sized for 300 MB of
   * RSS. Each key adds its own record and match; its reasons and counts are the answer cache's.
   */
  private static final long MAX_BODY_BYTES = 4L << 20;

  /** Set on a request the early install knew the caller of and left to the REST layer. */
  private static final String JUDGED = WatchlistRoute.class.getName() + ".judged";

  /**
   * Just after CORS (priority 300) and before authentication (priority 200): Quarkus installs its
   * filters at the order of minus their priority.
   */
  static final int BEFORE_AUTHENTICATION = -250;

  private final Watchlist watchlist;
  private final RequestQuotas quotas;
  private final ObjectWriter writer;
  private final VerifiedTokens tokens;

  /**
   * Whether the bearer token travels as this route reads it (the {@code Authorization} header, the
   * Bearer scheme, no cookie): the early install exists only then.
   */
  private final boolean tokenInAuthorization;

  /**
   * The bodies of listed answers, by the answer itself (records compare by value: an answer that
   * changed is another key, never an old body). Banks screen the same accounts again and again, and
   * writing a listed answer (its reasons, its instants) was about a sixth of a check's CPU and of
   * its allocations, which drive the collector's pauses at 15,000 checks/s. Answers that are not
   * listed are small, mostly asked once, and written each time.
   */
  private final Cache<Result, byte[]> listedBodies;

  /** Checks answered here, before authentication, rather than by the REST layer. */
  private final Counter beforeAuthentication;

  /** Checks answered here, after authentication, rather than by the REST layer. */
  private final Counter afterAuthentication;

  WatchlistRoute(
      Watchlist watchlist,
      RequestQuotas quotas,
      ObjectMapper mapper,
      VerifiedTokens tokens,
      MeterRegistry registry,
      @ConfigProperty(name = "mp.jwt.token.header", defaultValue = "Authorization")
          String tokenHeader,
      @ConfigProperty(name = "mp.jwt.token.cookie") Optional<String> tokenCookie,
      @ConfigProperty(name = "smallrye.jwt.token.schemes", defaultValue = "Bearer")
          List<String> tokenSchemes) {
    this.watchlist = watchlist;
    this.quotas = quotas;
    this.writer = mapper.writerFor(Result.class);
    this.tokens = tokens;
    this.tokenInAuthorization =
        tokenHeader.equalsIgnoreCase("Authorization")
            && tokenCookie.isEmpty()
            && tokenSchemes.stream().anyMatch(scheme -> scheme.strip().equalsIgnoreCase("Bearer"));
    this.listedBodies =
        Caffeine.newBuilder()
            .maximumWeight(MAX_BODY_BYTES)
            .<Result, byte[]>weigher((answer, body) -> body.length)
            .expireAfterAccess(BODY_KEPT_UNASKED)
            .build();
    this.beforeAuthentication = answers(registry, "before-authentication");
    this.afterAuthentication = answers(registry, "after-authentication");
  }

  private static Counter answers(MeterRegistry registry, String stage) {
    return Counter.builder("fraudtip.watchlist.route.answers")
        .description("Single watchlist checks answered below the REST layer")
        .tag("stage", stage)
        .register(registry);
  }

  void install(@Observes Router router) {
    if (tokenInAuthorization) {
      router.get(PATH).order(BEFORE_AUTHENTICATION).handler(c -> check(c, true));
    }
    router.get(PATH).handler(c -> check(c, false));
  }

  /**
   * Answers the check or hands it on.
   *
   * @param early whether authentication has not run yet
   */
  void check(RoutingContext context, boolean early) {
    if (!early && context.get(JUDGED) != null) {
      // The early install knew the caller and could not answer: neither can this one (and the
      // quota is not taken again).
      context.next();
      return;
    }
    Optional<Buffer> answer;
    try {
      answer = answer(context, early);
    } catch (RuntimeException e) {
      // Whatever this path cannot answer (an input the normaliser throws on, say): the resource
      // answers it, through the problem mapper, as it always has.
      answer = Optional.empty();
    }
    if (answer.isEmpty()) {
      context.next();
      return;
    }
    (early ? beforeAuthentication : afterAuthentication).increment();
    context
        .response()
        .putHeader(HttpHeaders.CONTENT_TYPE, JSON)
        .setStatusCode(200)
        .end(answer.get());
  }

  /**
   * The answer's body, or empty when the next handler is to answer.
   *
   * @param early whether authentication has not run yet
   */
  private Optional<Buffer> answer(RoutingContext context, boolean early) {
    HttpServerRequest request = context.request();
    Optional<Item> item = item(request.query());
    Optional<Who> identity = early ? keptToken(request) : identity(context);
    if (identity.isEmpty()) {
      return Optional.empty();
    }
    Optional<Buffer> answer = Optional.empty();
    try {
      answer = answer(request, item, identity.get());
      return answer;
    } finally {
      if (early && answer.isEmpty()) {
        // Handed on (or thrown) once the caller is known: the install after authentication must
        // not judge again. Only then, since the context's first entry allocates its map.
        context.put(JUDGED, Boolean.TRUE);
      }
    }
  }

  /** The answer to a caller known, or empty when the next handler is to answer. */
  private Optional<Buffer> answer(HttpServerRequest request, Optional<Item> item, Who caller) {
    if (item.isEmpty()
        || caller.hasRole(Roles.POLICE)
        || !acceptsJson(request.getHeader(HttpHeaders.ACCEPT))) {
      return Optional.empty();
    }
    boolean withCases = caller.hasRole(Roles.BANK) || caller.hasRole(Roles.OPERATOR);
    Optional<List<Result>> known = watchlist.fromMemory(List.of(item.get()), withCases);
    if (known.isEmpty()) {
      return Optional.empty();
    }
    // As RateLimitFilter takes it, once a request.
    Kind kind = caller.principal() == null ? Kind.OTHER : Kind.of(caller::hasRole);
    String client =
        TooManyRequests.client(caller.principal(), request.getHeader(TooManyRequests.API_KEY));
    // Only anonymous callers and clients are counted by address (the proxy headers read each time).
    String address = kind == Kind.OTHER ? TooManyRequests.address(request) : null;
    if (quotas.take(kind, address, client).isPresent()) {
      return Optional.empty();
    }
    return json(known.get().get(0));
  }

  /** The answer as the response's body; a listed answer's as written the first time. */
  private Optional<Buffer> json(Result result) {
    if (!result.listed()) {
      return write(result);
    }
    byte[] body = listedBodies.getIfPresent(result);
    if (body == null) {
      Optional<Buffer> written = write(result);
      written.ifPresent(b -> listedBodies.put(result, b.getBytes()));
      return written;
    }
    return Optional.of(Buffer.buffer(body));
  }

  /**
   * The answer written: copied once from the generator's (recycled) buffer, where writing it as an
   * array and wrapping that copied it twice.
   */
  private Optional<Buffer> write(Result result) {
    Body body = new Body();
    try {
      writer.writeValue(body, result);
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.ofNullable(body.buffer);
  }

  /**
   * Takes what the JSON generator writes: an answer this small comes in one write when the
   * generator closes, into a buffer of its size.
   */
  private static final class Body extends OutputStream {
    private Buffer buffer;

    @Override
    public void write(byte[] bytes, int offset, int length) {
      if (buffer == null) {
        buffer = Buffer.buffer(length);
      }
      buffer.appendBytes(bytes, offset, length);
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }
  }

  /**
   * The type and value asked, when each is there once and valid as the resource validates it; read
   * from the raw query, not through the request's parameter map, which a check would build only to
   * read two entries (an eighth of what a check allocated). Anything out of the ordinary (another
   * separator, an encoded name) is left to the resource.
   */
  static Optional<Item> item(String query) {
    if (query == null || query.indexOf(';') >= 0) {
      return Optional.empty();
    }
    String type = null;
    String value = null;
    for (int from = 0, end; from < query.length(); from = end + 1) {
      end = query.indexOf('&', from);
      if (end < 0) {
        end = query.length();
      }
      int equals = query.indexOf('=', from);
      if (equals < 0 || equals > end) {
        equals = end;
      }
      if (isName(query, from, equals, "type")) {
        if (type != null) {
          return Optional.empty();
        }
        type = decoded(query, equals, end);
      } else if (isName(query, from, equals, "value")) {
        if (value != null) {
          return Optional.empty();
        }
        value = decoded(query, equals, end);
      } else if (hasEncoding(query, from, equals)) {
        // It may decode to one of the two: only the resource's own reading can tell.
        return Optional.empty();
      }
    }
    if (type == null
        || value == null
        || value.isBlank()
        || value.length() > WatchlistResource.MAX_VALUE
        || !CleanText.isClean(value)) {
      return Optional.empty();
    }
    try {
      IdentifierType t = IdentifierType.valueOf(type);
      String meant = Watchlist.queryValue(t, value);
      // Refused by the resource (a bare account number, or an unknown bank, is no check).
      return Watchlist.accountError(t, meant) != null
          ? Optional.empty()
          : Optional.of(new Item(t, meant));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static boolean isName(String query, int from, int to, String name) {
    return to - from == name.length() && query.startsWith(name, from);
  }

  private static boolean hasEncoding(String query, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = query.charAt(i);
      if (c == '%' || c == '+') {
        return true;
      }
    }
    return false;
  }

  /**
   * The parameter's value (after its {@code =}, if any) decoded as a form's (a malformed escape
   * throws, and the resource answers).
   */
  private static String decoded(String query, int equals, int end) {
    if (equals >= end) {
      return "";
    }
    String raw = query.substring(equals + 1, end);
    // The decoder makes a builder whatever it is given; a type's name has nothing to decode.
    return hasEncoding(query, equals + 1, end)
        ? URLDecoder.decode(raw, StandardCharsets.UTF_8)
        : raw;
  }

  /**
   * The caller as the authentication handler saw it (a bad token is answered 401 there); empty when
   * it left none, and the REST layer then finds out.
   */
  private static Optional<Who> identity(RoutingContext context) {
    if (context.user() instanceof QuarkusHttpUser user && user.getSecurityIdentity() != null) {
      SecurityIdentity identity = user.getSecurityIdentity();
      return Optional.of(
          identity.isAnonymous()
              ? Who.ANONYMOUS
              : new Who(identity.getPrincipal(), identity.getRoles()));
    }
    return Optional.empty();
  }

  /**
   * The caller before authentication: anonymous when the request carries no credentials (nor a
   * body, which the handlers after authentication bound), the holder of a bearer token verified
   * before; empty when only authentication can tell (a token not kept or forged, another scheme).
   */
  private Optional<Who> keptToken(HttpServerRequest request) {
    MultiMap headers = request.headers();
    String length = headers.get(HttpHeaders.CONTENT_LENGTH);
    if ((length != null && !length.equals("0"))
        || headers.contains(HttpHeaders.TRANSFER_ENCODING)) {
      return Optional.empty();
    }
    // The first value, as smallrye-jwt reads it.
    String credentials = headers.get(HttpHeaders.AUTHORIZATION);
    if (credentials == null) {
      return Optional.of(Who.ANONYMOUS);
    }
    if (!credentials.startsWith(BEARER)) {
      return Optional.empty();
    }
    return tokens
        .kept(credentials, BEARER.length())
        .map(kept -> new Who(kept.token(), kept.groups()));
  }

  /** Who asks: an authenticated principal with its roles, or no one (anonymous). */
  private record Who(Principal principal, Set<String> roles) {
    static final Who ANONYMOUS = new Who(null, Set.of());

    boolean hasRole(String role) {
      return roles.contains(role);
    }
  }

  private static boolean acceptsJson(String accept) {
    return accept == null
        || accept.isBlank()
        || accept.contains("application/json")
        || accept.contains("*/*")
        || accept.contains("application/*");
  }
}
