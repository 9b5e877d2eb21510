package io.fraudtip.commons.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fraudtip.commons.failure.Causes;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A bad token (forged, expired, unsigned) fails during proactive authentication, before REST and
 * its exception mappers: answer it here with the same problem+json 401 instead of an empty body.
 */
@ApplicationScoped
public class AuthFailures {
  private final ObjectMapper mapper;

  AuthFailures(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  void install(@Observes Router router) {
    router.route().failureHandler(this::handle);
  }

  void handle(RoutingContext context) {
    if (!authenticationFailed(context.failure()) || context.response().ended()) {
      context.next();
      return;
    }
    var locale = ProblemMessages.locale(context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    Problem problem =
        ProblemMapper.unauthorizedProblem(
            locale, "/" + context.normalizedPath().replaceFirst("^/", ""));
    String body;
    try {
      body = mapper.writeValueAsString(problem);
    } catch (JsonProcessingException e) {
      context.next();
      return;
    }
    context
        .response()
        .setStatusCode(401)
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .putHeader("WWW-Authenticate", "Bearer")
        .end(body);
  }

  private static boolean authenticationFailed(Throwable failure) {
    return Causes.include(failure, AuthenticationFailedException.class);
  }
}
