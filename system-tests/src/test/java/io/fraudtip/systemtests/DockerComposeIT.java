package io.fraudtip.systemtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * docker-compose.yml brings the platform up. Needs a Docker engine: where there is none (as on the
 * project's build machines) it is reported as skipped.
 */
class DockerComposeIT {
  private static final Map<String, Integer> SERVICES =
      Map.of("intake-service", 8081, "case-service", 8082, "notification-service", 8083);

  @Test
  void theComposeFileBringsEveryServiceToReady() {
    assumeTrue(dockerAvailable(), "no Docker engine on this machine");
    Path repository = Path.of(System.getProperty("fraudtip.repository", "..")).toAbsolutePath();
    ComposeContainer compose =
        new ComposeContainer(new File(repository.toFile(), "docker-compose.yml")).withBuild(true);
    SERVICES.forEach(
        (name, port) ->
            compose.withExposedService(
                name,
                port,
                Wait.forHttp("/q/health/ready")
                    .forStatusCode(200)
                    .withStartupTimeout(Duration.ofMinutes(5))));
    try (compose) {
      compose.start();
      SERVICES.forEach(
          (name, port) ->
              given()
                  .get(
                      "http://"
                          + compose.getServiceHost(name, port)
                          + ":"
                          + compose.getServicePort(name, port)
                          + "/q/health/ready")
                  .then()
                  .statusCode(200));
    }
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
