package io.fraudtip.commons.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place errors become answers: RFC 9457 problem+json, never a stack trace. Unexpected
 * failures are logged with an id that the answer repeats, so an operator can find them.
 */
public class ProblemMapper {
  private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

  @ServerExceptionMapper
  public Response problem(ProblemException e, UriInfo uri) {
    return answer(
        new Problem(e.type(), e.title(), e.status(), e.getMessage(), path(uri), e.errors()));
  }

  @ServerExceptionMapper
  public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
    List<FieldError> errors =
        e.getConstraintViolations().stream()
            .map(ProblemMapper::fieldError)
            .sorted(java.util.Comparator.comparing(FieldError::field))
            .toList();
    return answer(
        new Problem(
            "validation",
            "Bad Request",
            400,
            "The request has " + errors.size() + " invalid field(s)",
            path(uri),
            errors));
  }

  // Quarkus maps the more specific Jackson exceptions itself; naming them here takes them over.
  @ServerExceptionMapper
  public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
    return unreadableJson(e, uri);
  }

  @ServerExceptionMapper
  public Response malformedJson(JsonParseException e, UriInfo uri) {
    return unreadableJson(e, uri);
  }

  @ServerExceptionMapper
  public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
    String field = "";
    String code = "json.malformed";
    String message = "The body is not valid JSON";
    if (e instanceof UnrecognizedPropertyException unknown) {
      field = path(unknown);
      code = "field.unknown";
      message = "Unknown field '" + unknown.getPropertyName() + "'";
    } else if (e instanceof JsonMappingException mapping && !(e instanceof JsonParseException)) {
      field = path(mapping);
      code = "field.type";
      message = "The value has the wrong type or format";
    }
    return answer(
        new Problem(
            "validation",
            "Bad Request",
            400,
            message,
            path(uri),
            List.of(new FieldError(field, code, message))));
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e, UriInfo uri) {
    Response original = e.getResponse();
    int status = original.getStatus();
    if (status >= 500) {
      return unexpected(e, uri);
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

  @ServerExceptionMapper
  public Response unexpected(Throwable e, UriInfo uri) {
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

  private static Response answer(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }

  private static FieldError fieldError(ConstraintViolation<?> v) {
    String property = v.getPropertyPath().toString();
    // Drop the method and parameter names of a REST method's argument: "submit.request.x" -> "x".
    String[] parts = property.split("\\.", 3);
    String field = parts.length == 3 ? parts[2] : parts.length == 2 ? "" : property;
    String template = v.getMessageTemplate();
    String code =
        template.startsWith("{") && template.endsWith("}")
            ? template
                .substring(1, template.length() - 1)
                .replace("jakarta.validation.constraints.", "")
                .replace(".message", "")
            : template;
    return new FieldError(field, code, v.getMessage());
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
}
