package io.fraudtip.commons.main;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Each service's entry point: Quarkus with one system property set first.
 *
 * <p>Quarkus checks every request's address itself, before any route, and answers a malformed one
 * (a bad {@code %}-escape, a {@code |} left unencoded) with a bare 400 and no body. Its only switch
 * is the system property {@value #URI_VALIDATION_OFF}, read once when Quarkus's HTTP recorder is
 * loaded, during {@code Quarkus.run}: set here, it comes first. With it off, {@code
 * io.fraudtip.commons.problem.UnroutableRequests}, the first route of all, makes the same check and
 * answers problem+json naming the parameter. Tests set the property in the build's test plugin.
 */
@QuarkusMain
public final class ServiceMain {
  /** Quarkus's own switch for its address check (VertxHttpRecorder). */
  public static final String URI_VALIDATION_OFF = "vertx.disableURIValidation";

  private ServiceMain() {}

  public static void main(String... args) {
    System.setProperty(URI_VALIDATION_OFF, "true");
    Quarkus.run(args);
  }
}
