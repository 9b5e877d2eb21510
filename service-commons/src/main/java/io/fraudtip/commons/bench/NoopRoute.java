package io.fraudtip.commons.bench;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The benchmark's trivial endpoint (SPEC §9: "a no-op resource on the event loop, not a health
 * check"): {@code GET /bench/noop} answers {@code 204} on the Vert.x event loop without touching
 * the REST layer, security, a worker thread or the database, so that its rate is what the HTTP
 * stack of this JVM can do on this machine. Off unless {@code fraudtip.bench.noop-route=true}
 * ({@code ./run-benchmark} turns it on).
 */
@ApplicationScoped
public class NoopRoute {
  /** Settings of the benchmark's no-op route. */
  @ConfigMapping(prefix = "fraudtip.bench")
  public interface Config {
    /** Whether {@code GET /bench/noop} answers 204 (for the benchmark's ceiling only). */
    @WithDefault("false")
    boolean noopRoute();
  }

  private final Config config;

  NoopRoute(Config config) {
    this.config = config;
  }

  void install(@Observes Router router) {
    if (config.noopRoute()) {
      router.get("/bench/noop").handler(context -> context.response().setStatusCode(204).end());
    }
  }
}
