package io.fraudtip.commons.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.fraudtip.commons.db.LostRaces;
import io.fraudtip.commons.failure.Causes;
import io.fraudtip.commons.failure.Outages;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place errors become answers: RFC 9457 problem+json, never a stack trace. Unexpected
 * failures are logged with an id that the answer repeats, so an operator can find them.
 */
public class ProblemMapper {
  private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

  /** Jackson's message for a name given twice in one object. */
  private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");

  /**
   * How soon a request answered 503 (a lost race, a full or closing queue, a peer service away) may
   * be sent again: nothing of it was stored, and these conditions pass in about a second.
   */
  private static final int RETRY_AFTER_UNAVAILABLE_SECONDS = 1;

  /** A database restart takes seconds: callers are asked to wait that long, not to hammer it. */
  private static final int RETRY_AFTER_OUTAGE_SECONDS = 5;

  @ServerExceptionMapper
  public Response problem(ProblemException e, UriInfo uri) {
    Response answer =
        answer(new Problem(e.type(), e.title(), e.status(), e.getMessage(), path(uri), e.errors()));
    if (e.status() == 503) {
      // A client told when to come back retries instead of giving up or hammering.
      answer.getHeaders().putSingle("Retry-After", RETRY_AFTER_UNAVAILABLE_SECONDS);
    }
    return answer;
  }

  @ServerExceptionMapper
  public Response constraintViolation(
      ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
    Locale locale = locale(headers);
    List<FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> fieldError(v, locale))
            .sorted(java.util.Comparator.comparing(FieldError::field))
            .toList();
    return answer(validation(locale, path(uri), errors));
  }

  /**
   * The 400 answer listing bad fields, with title and detail in the caller's language; services
   * that check fields themselves throw {@code new ProblemException(...)} built from it.
   */
  public static Problem validation(Locale locale, String instance, List<FieldError> errors) {
    return new Problem(
        "validation",
        ProblemMessages.message(locale, "problem.validation.title", Map.of(), "Bad Request"),
        400,
        ProblemMessages.message(
            locale,
            "problem.validation.detail",
            Map.of("count", errors.size()),
            "The request has " + errors.size() + " invalid field(s)"),
        instance,
        errors);
  }

  // Quarkus maps the more specific Jackson exceptions itself; naming them here takes them over.
  @ServerExceptionMapper
  public Response mismatchedInput(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
    return unreadableJson(e, uri, headers);
  }

  @ServerExceptionMapper
  public Response malformedJson(JsonParseException e, UriInfo uri, HttpHeaders headers) {
    return unreadableJson(e, uri, headers);
  }

  @ServerExceptionMapper
  public Response unreadableJson(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
    Locale locale = locale(headers);
    String field = "";
    String code = "json.malformed";
    String message = "The body is not valid JSON";
    Map<String, Object> args = Map.of();
    String duplicate = duplicateField(e);
    if (duplicate != null) {
      String within = e instanceof JsonMappingException mapping ? path(mapping) : "";
      field = within.isEmpty() ? duplicate : within + "." + duplicate;
      code = "field.duplicate";
      message = "The field '" + duplicate + "' is given more than once";
      args = Map.of("name", duplicate);
    } else if (e instanceof UnrecognizedPropertyException unknown) {
      field = path(unknown);
      code = "field.unknown";
      message = "Unknown field '" + unknown.getPropertyName() + "'";
      args = Map.of("name", unknown.getPropertyName());
    } else if (e instanceof InvalidFormatException bad
        && bad.getTargetType() == String.class
        && bad.getOriginalMessage() != null
        && bad.getOriginalMessage().endsWith(CleanText.CODE)) {
      field = path(bad);
      code = CleanText.CODE;
      message = "The text holds control or bidi override characters";
    } else if (e instanceof InvalidFormatException bad
        && bad.getTargetType() != null
        && bad.getTargetType().isEnum()) {
      // As an unknown enum value in a query parameter is answered: the values it takes.
      field = path(bad);
      code = "enum";
      String accepted = QueryParams.accepted(bad.getTargetType());
      message = "must be one of " + accepted;
      args = Map.of("values", accepted);
    } else if (e instanceof JsonMappingException mapping
        && !(e instanceof JsonParseException)
        && wholeNumber(mapping)) {
      field = path(mapping);
      code = "integer";
      message = "must be a whole number within range";
    } else if (e instanceof MismatchedInputException mismatch
        && mismatch.getTargetType() == Instant.class) {
      field = path(mismatch);
      code = "instant";
      message = "must be a time with its offset, such as 2026-07-01T08:00:00Z";
    } else if (e instanceof JsonMappingException mapping && !(e instanceof JsonParseException)) {
      field = path(mapping);
      code = "field.type";
      message = "The value has the wrong type or format";
    }
    message = ProblemMessages.message(locale, code, args, message);
    return answer(
        new Problem(
            "validation",
            ProblemMessages.message(locale, "problem.validation.title", Map.of(), "Bad Request"),
            400,
            message,
            path(uri),
            List.of(new FieldError(field, code, message))));
  }

  /**
   * The name given twice in one object, which the parser refuses (the last value would silently
   * win); null for any other error.
   */
  private static String duplicateField(JsonProcessingException e) {
    Throwable parse = e instanceof JsonParseException ? e : e.getCause();
    if (parse instanceof JsonParseException p && p.getOriginalMessage() != null) {
      Matcher m = DUPLICATE.matcher(p.getOriginalMessage());
      if (m.matches()) {
        return m.group(1);
      }
    }
    return null;
  }

  /**
   * Whether a whole number was expected: a fraction, text or a number out of range where the field
   * is an integer type.
   */
  private static boolean wholeNumber(JsonMappingException e) {
    Class<?> target =
        e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
    if (target == null && e.getCause() instanceof InputCoercionException coercion) {
      target = coercion.getTargetType();
    }
    return target == long.class
        || target == Long.class
        || target == int.class
        || target == Integer.class
        || target == short.class
        || target == Short.class
        || target == java.math.BigInteger.class;
  }

  /** No or a bad token on a protected endpoint: 401 with the bearer challenge. */
  @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
  public Response unauthorized(RuntimeException e, UriInfo uri, HttpHeaders headers) {
    return unauthorizedAnswer(locale(headers), path(uri));
  }

  /** A valid token without the role the endpoint needs. */
  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
    Locale locale = locale(headers);
    return answer(
        new Problem(
            "forbidden",
            ProblemMessages.message(locale, "problem.forbidden.title", Map.of(), "Forbidden"),
            403,
            ProblemMessages.message(
                locale, "problem.forbidden.detail", Map.of(), "This token may not do this"),
            path(uri),
            List.of()));
  }

  /** The 401 answer, also given by {@link AuthFailures} when a token fails before REST. */
  static Response unauthorizedAnswer(Locale locale, String instance) {
    return Response.status(401)
        .type(Problem.MEDIA_TYPE)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .entity(unauthorizedProblem(locale, instance))
        .build();
  }

  static Problem unauthorizedProblem(Locale locale, String instance) {
    return new Problem(
        "unauthorized",
        ProblemMessages.message(locale, "problem.unauthorized.title", Map.of(), "Unauthorized"),
        401,
        ProblemMessages.message(
            locale,
            "problem.unauthorized.detail",
            Map.of(),
            "A valid bearer token is needed: it is missing, expired or not signed by a known key"),
        instance,
        List.of());
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
    // A parameter converter's own answer (EnumParams), which the REST layer wraps in a 404/400.
    if (e.getCause() instanceof ProblemException problem) {
      return problem(problem, uri);
    }
    Response original = e.getResponse();
    int status = original.getStatus();
    if (status >= 500) {
      return failure(e, uri);
    }
    // Quarkus wraps a body it cannot parse in a bare 400: name the JSON fault like any other.
    if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
      return unreadableJson(json, uri, headers);
    }
    Response.StatusType info = original.getStatusInfo();
    String title = info == null ? "Error" : info.getReasonPhrase();
    Response.ResponseBuilder builder =
        Response.status(status)
            .type(Problem.MEDIA_TYPE)
            .entity(new Problem(slug(title), title, status, title, path(uri), List.of()));
    // Keep the headers that matter to the caller (Allow, Retry-After, WWW-Authenticate).
    original
        .getHeaders()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("Content-Type")
                  && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> builder.header(name, v));
              }
            });
    return builder.build();
  }

  /**
   * Anything else: a 500 with an id the log repeats. A transaction that lost a race on locks (a
   * deadlock with another, a row changed meanwhile) is no fault of the request and nothing of it
   * was committed: a 503 with {@code Retry-After}, so that the caller runs it again. A caller that
   * hung up before its request was read gets a 400 that nobody reads.
   */
  @ServerExceptionMapper
  public Response unexpected(Throwable e, UriInfo uri, HttpServerRequest request) {
    if (clientHungUp(e, request)) {
      // A caller that closes its connection while its body is read (a dropped mobile link, a
      // client's timeout) is no fault of ours: no error log with a stack, no 5xx in the metrics.
      // Nothing was stored; nobody reads this answer, but the metrics count it as the caller's.
      LOG.debugf("The caller closed the connection before its request was read on %s", path(uri));
      return answer(
          new Problem(
              "incomplete-request",
              "Bad Request",
              400,
              "The connection closed before the whole request arrived; nothing was stored.",
              path(uri),
              List.of()));
    }
    return failure(e, uri);
  }

  /** A 503 whose request may be sent again after {@code retryAfterSeconds}. */
  private static Response unavailable(
      String type, String detail, int retryAfterSeconds, UriInfo uri) {
    Response busy =
        answer(new Problem(type, "Service Unavailable", 503, detail, path(uri), List.of()));
    busy.getHeaders().putSingle("Retry-After", retryAfterSeconds);
    return busy;
  }

  static Response failure(Throwable e, UriInfo uri) {
    if (LostRaces.isLockRace(e)) {
      LOG.warnf("Lost a race on %s, answered 503: %s", path(uri), e.getMessage());
      return unavailable(
          "contention",
          "Another change to the same records was made at the same moment; nothing was changed."
              + " Send the request again.",
          RETRY_AFTER_UNAVAILABLE_SECONDS,
          uri);
    }
    if (Outages.isOutage(e)) {
      LOG.warnf("The database was out of reach on %s, answered 503: %s", path(uri), e.getMessage());
      return unavailable(
          "unavailable",
          "The service cannot reach its database for the moment; nothing was stored. Send the"
              + " request again shortly.",
          RETRY_AFTER_OUTAGE_SECONDS,
          uri);
    }
    if (LostRaces.isKeyTaken(e)) {
      LOG.warnf("A key was taken meanwhile on %s, answered 409: %s", path(uri), e.getMessage());
      return conflict(
          "A record with the same key was stored at the same moment; nothing was changed.", uri);
    }
    if (LostRaces.isReferenceRace(e)) {
      LOG.warnf("A reference changed meanwhile on %s, answered 409: %s", path(uri), e.getMessage());
      return conflict(
          "A record this request refers to, or one that refers to it, changed at the same"
              + " moment; nothing was changed. Read it again and retry.",
          uri);
    }
    if (LostRaces.isRefusedValue(e)) {
      // A check missing on our side (a length, a character): logged whole to be mended.
      LOG.warnf(e, "A value was refused by the database on %s, answered 400", path(uri));
      return answer(
          new Problem(
              "invalid-value",
              "Bad Request",
              400,
              "A value in the request cannot be stored (too long, out of range, or a character"
                  + " such as NUL); nothing was changed.",
              path(uri),
              List.of()));
    }
    String id = UUID.randomUUID().toString();
    LOG.errorf(e, "Unexpected failure %s on %s", id, path(uri));
    return answer(
        new Problem(
            "internal",
            "Internal Server Error",
            500,
            "Something went wrong on our side; quote " + id + " to the operators",
            path(uri),
            List.of()));
  }

  /**
   * Whether the failure is the caller's own connection closing under its request: a closed
   * connection of a call this service made (to another service) is ours to answer for.
   */
  static boolean clientHungUp(Throwable e, HttpServerRequest request) {
    return request.response().closed() && Causes.include(e, HttpClosedException.class);
  }

  private static Response answer(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }

  /** A violation as a field error, its message in the given language. */
  public static FieldError fieldError(ConstraintViolation<?> v, Locale locale) {
    String code = FieldPaths.code(v);
    Map<String, Object> args = v.getConstraintDescriptor().getAttributes();
    return new FieldError(
        FieldPaths.of(v), code, ProblemMessages.message(locale, code, args, v.getMessage()));
  }

  private static Locale locale(HttpHeaders headers) {
    try {
      return headers == null
          ? ProblemMessages.SUPPORTED.get(0)
          : ProblemMessages.locale(headers.getAcceptableLanguages());
    } catch (RuntimeException e) {
      // A malformed Accept-Language header must not turn a 400 into a 500.
      return ProblemMessages.SUPPORTED.get(0);
    }
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String slug(String title) {
    return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
  }

  private static String path(UriInfo uri) {
    return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
  }

  /** A 409 for a race another transaction won at the same moment. */
  private static Response conflict(String detail, UriInfo uri) {
    return answer(new Problem("conflict", "Conflict", 409, detail, path(uri), List.of()));
  }
}
