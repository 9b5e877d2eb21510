package io.fraudtip.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fraudtip.intake.Tips;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.http.HttpClosedException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A caller that hangs up while its body is still on the way (a dropped mobile link, a client's own
 * timeout) stores nothing and is counted as the caller's failure, not as a server error; a closed
 * connection of another call stays a server error. The tip endpoint reads a body of up to 10 KB on
 * the event loop, where a connection gone before the body was whole is counted with the status
 * {@code RESET}; a larger body is read on a worker, where the cut is answered 400.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class HungUpClientTest {
  @TestHTTPResource("/api/v1/tips")
  URL tips;

  @InjectDatabase TestDatabase db;

  @Test
  void aBodyCutShortOnTheEventLoopIsCountedAsAResetAndStoresNothing() throws Exception {
    hangUpHalfway(Tips.VALID, "RESET");
  }

  @Test
  void aBodyCutShortOnAWorkerIsAnswered400AndStoresNothing() throws Exception {
    // Over the 10 KB input buffer: the rest of the body is read on a worker, by blocking.
    String large =
        Tips.VALID.replace("\"channel\"", "\"x\": \"" + "a".repeat(30_000) + "\", \"channel\"");
    hangUpHalfway(large, "400");
  }

  /**
   * Sends the headers and half the body, hangs up, and checks the request was counted with the
   * status given (the caller's failure), that no server error was, and that nothing was stored.
   */
  private void hangUpHalfway(String tip, String status) throws Exception {
    long storedBefore = db.queryLong("SELECT count(*) FROM tip");
    double serverErrorsBefore = answered("5..");
    double incompleteBefore = answered(status);
    byte[] body = tip.getBytes(StandardCharsets.UTF_8);

    try (Socket socket = new Socket(tips.getHost(), tips.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/v1/tips HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                  + "Content-Length: "
                  + body.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body, 0, body.length / 2);
      out.flush();
      // the server has the headers and half the body, and waits for the rest
      Thread.sleep(300);
    }

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(answered(status)).isEqualTo(incompleteBefore + 1));
    assertThat(answered("5..")).isEqualTo(serverErrorsBefore);
    assertThat(db.queryLong("SELECT count(*) FROM tip")).isEqualTo(storedBefore);
  }

  @Test
  void aConnectionClosedOnAnotherCallIsStillOurs() {
    given()
        .get("/test/closed-elsewhere")
        .then()
        .statusCode(500)
        .contentType("application/problem+json");
  }

  /** A call this service made whose connection closed: the caller's own is still open. */
  @Path("/test/closed-elsewhere")
  public static class ClosedElsewhere {
    @GET
    public String fail() {
      throw new IllegalStateException(
          "another service hung up", new HttpClosedException("Connection was closed"));
    }
  }

  /** Requests to POST /api/v1/tips answered with a status matching the pattern, from /q/metrics. */
  private static double answered(String status) {
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    Matcher m =
        Pattern.compile(
                "(?m)^http_server_requests_seconds_count\\{(?=[^}]*method=\"POST\")(?=[^}]*status=\""
                    + status
                    + "\")(?=[^}]*uri=\"/api/v1/tips\")[^}]*\\} (\\S+)")
            .matcher(metrics);
    double sum = 0;
    while (m.find()) {
      sum += Double.parseDouble(m.group(1));
    }
    return sum;
  }
}
