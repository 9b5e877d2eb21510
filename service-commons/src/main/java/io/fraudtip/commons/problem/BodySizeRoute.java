package io.fraudtip.commons.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fraudtip.commons.evidence.EvidenceLimits;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a declared body over the service's limit before Vert.x's own limit does: Vert.x answers a
 * bare 413, this answers the same problem+json as {@link BodySizeLimit}.
 */
@ApplicationScoped
public class BodySizeRoute {
  private final BodySizeLimit.Limits limits;
  private final EvidenceLimits evidence;
  private final ObjectMapper mapper;

  BodySizeRoute(BodySizeLimit.Limits limits, EvidenceLimits evidence, ObjectMapper mapper) {
    this.limits = limits;
    this.evidence = evidence;
    this.mapper = mapper;
  }

  private long limitFor(RoutingContext context) {
    return BodySizeLimit.limitFor(context.normalizedPath(), limits, evidence);
  }

  void install(@Observes Router router) {
    router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    // A body of unknown length (chunked) is only found too large while it is read, and the REST
    // layer would then end the answer with a bare 413: such bodies are read here first, within
    // the limit (the REST layer takes the buffered body), and one over it fails with 413, answered
    // below with the same problem as a declared one.
    BodyHandler chunked = BodyHandler.create(false).setBodyLimit(limits.maxBodyBytes());
    BodyHandler chunkedUpload =
        BodyHandler.create(false)
            .setBodyLimit(Math.max(evidence.maxBytes(), limits.maxBodyBytes()));
    router
        .route()
        .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
        .handler(
            context -> {
              if (context.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null
                  && context.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
                (limitFor(context) > limits.maxBodyBytes() ? chunkedUpload : chunked)
                    .handle(context);
              } else {
                context.next();
              }
            })
        .failureHandler(this::onFailure);
  }

  void onFailure(RoutingContext context) {
    if (context.statusCode() != 413 || context.response().ended()) {
      context.next();
      return;
    }
    Problem problem =
        BodySizeLimit.tooLarge(
            limitFor(context),
            String.valueOf(limitFor(context) + 1),
            context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE),
            context.normalizedPath());
    if (problem == null) {
      context.next();
      return;
    }
    answer(context, problem);
  }

  void check(RoutingContext context) {
    Problem problem =
        BodySizeLimit.tooLarge(
            limitFor(context),
            context.request().getHeader(HttpHeaders.CONTENT_LENGTH),
            context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE),
            context.normalizedPath());
    if (problem == null) {
      context.next();
      return;
    }
    answer(context, problem);
  }

  private void answer(RoutingContext context, Problem problem) {
    String body;
    try {
      body = mapper.writeValueAsString(problem);
    } catch (JsonProcessingException e) {
      context.next();
      return;
    }
    // The body is not read: close the connection rather than drain it.
    context
        .response()
        .setStatusCode(413)
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .putHeader(HttpHeaders.CONNECTION, "close")
        .end(body);
  }
}
