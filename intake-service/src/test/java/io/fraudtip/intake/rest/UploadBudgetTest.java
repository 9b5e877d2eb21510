package io.fraudtip.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fraudtip.commons.problem.UploadBudget;
import io.fraudtip.intake.Tips;
import io.fraudtip.testsupport.EvidenceSamples;
import io.fraudtip.testsupport.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Uploads are read whole into memory: past the bytes in flight the service holds at once, one more
 * is answered 503 with Retry-After before its body is read (a dozen of the largest files at once
 * filled the heap), and taken again once the first is done.
 */
@QuarkusTest
@TestProfile(UploadBudgetTest.SmallBudget.class)
@WithTestResource(PlatformTestResource.class)
class UploadBudgetTest {
  /** Room for one file of the largest size in flight, not two. */
  public static class SmallBudget implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("fraudtip.evidence.in-flight-bytes", "15728640");
    }
  }

  @Inject UploadBudget budget;

  @TestHTTPResource URL base;

  @Test
  void anUploadPastTheBytesInFlightIsA503UntilTheFirstIsDone() throws Exception {
    String code =
        given()
            .contentType(ContentType.JSON)
            .body(Tips.VALID)
            .post("/api/v1/tips")
            .then()
            .statusCode(202)
            .extract()
            .path("trackingCode");
    String path = "/api/v1/tips/" + code + "/evidence";
    try (Socket slow = new Socket(base.getHost(), base.getPort())) {
      // A 10 MiB file arriving slowly: its headers and a first kilobyte, then nothing for now.
      OutputStream out = slow.getOutputStream();
      out.write(
          ("POST "
                  + path
                  + "?name=lent.png HTTP/1.1\r\nHost: localhost\r\n"
                  + "Content-Type: image/png\r\nContent-Length: 10485760\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(new byte[1024]);
      out.flush();
      await().atMost(Duration.ofSeconds(10)).until(() -> budget.inFlight() == 10_485_760L);

      // Another of 6 MiB: answered at once, from its headers alone.
      try (Socket second = new Socket(base.getHost(), base.getPort())) {
        second
            .getOutputStream()
            .write(
                ("POST "
                        + path
                        + "?name=anh.png HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: image/png\r\nContent-Length: 6291456\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        second.setSoTimeout(10_000);
        String answer = answerOf(second.getInputStream());
        assertThat(answer)
            .startsWith("HTTP/1.1 503")
            .containsIgnoringCase("retry-after: 2")
            .contains("application/problem+json")
            .contains("uploads-busy");
      }
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> budget.inFlight() == 0);

    given()
        .contentType("image/png")
        .queryParam("name", "anh.png")
        .body(EvidenceSamples.png(7))
        .post(path)
        .then()
        .statusCode(201);
    assertThat(budget.inFlight()).isZero();
  }

  /**
   * An HTTP/1.1 answer's head and body, read up to its declared length (the server may not close).
   */
  private static String answerOf(java.io.InputStream in) throws java.io.IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.append((char) b);
    }
    java.util.regex.Matcher length =
        java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
    byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
    return head + new String(body, StandardCharsets.UTF_8);
  }
}
