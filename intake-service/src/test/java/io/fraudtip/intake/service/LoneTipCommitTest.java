package io.fraudtip.intake.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fraudtip.intake.Tips;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A tip that comes alone is written at once, not after the group commit's wait for company: the
 * wait here is a minute, so a tip held for others would outlast the client's timeout.
 */
@QuarkusTest
@TestProfile(LoneTipCommitTest.MinuteWait.class)
@WithTestResource(PlatformTestResource.class)
class LoneTipCommitTest {
  private static final int CLIENT_TIMEOUT_MS = 20_000;

  /** Tips close together would wait a minute; one alone (1 ms after the last) none. */
  public static class MinuteWait implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "fraudtip.intake.group-commit.max-wait", "60s",
          "fraudtip.intake.group-commit.alone-after", "1ms");
    }
  }

  @InjectDatabase TestDatabase db;

  @Test
  void tipsThatComeAloneAreAnsweredWithoutWaitingForOthers() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      String tipId =
          given()
              .config(
                  RestAssured.config()
                      .httpClient(
                          HttpClientConfig.httpClientConfig()
                              .setParam("http.socket.timeout", CLIENT_TIMEOUT_MS)))
              .contentType(ContentType.JSON)
              .body(Tips.VALID)
              .post("/api/v1/tips")
              .then()
              .statusCode(202)
              .extract()
              .path("tipId");
      assertThat(db.queryLong("SELECT count(*) FROM tip WHERE id = ?", UUID.fromString(tipId)))
          .isOne();
      Thread.sleep(20); // alone again: far more than alone-after since this one
    }
  }
}
