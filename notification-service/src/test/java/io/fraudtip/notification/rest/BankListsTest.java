package io.fraudtip.notification.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import io.fraudtip.localstack.bank.DemoBank;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.notification.Webhooks;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectDemoBank;
import io.fraudtip.testsupport.InjectKafka;
import io.fraudtip.testsupport.InjectTokens;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A bank's alert and delivery lists: filters by type, state, account and time, and cursor pages in
 * a stable order (newest first by time, then id) that a row written meanwhile does not shift.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class BankListsTest {
  @InjectKafka KafkaCompanion kafka;
  @InjectDatabase TestDatabase db;
  @InjectTokens Tokens tokens;
  @InjectDemoBank DemoBank bank;

  @Test
  void alertsAreFilteredAndPagedByCursorWithoutLossOrRepeat() {
    String bin = "970443";
    String token = tokens.bank(bin);
    Instant before = Instant.now();
    for (int i = 0; i < 5; i++) {
      Webhooks.tip(kafka, bin, "760000030" + i);
    }
    Webhooks.tip(kafka, bin, "7600000300");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> db.queryLong("SELECT count(*) FROM alert WHERE bank_bin = ?", bin) == 6);

    List<String> seen = new ArrayList<>();
    List<String> times = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      var request = given().auth().oauth2(token).queryParam("limit", 2);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      ExtractableResponse<Response> page =
          request.get("/api/v1/alerts").then().statusCode(200).extract();
      seen.addAll(page.path("id"));
      times.addAll(page.path("createdAt"));
      cursor = page.header("Next-Cursor");
      pages++;
      if (pages == 1) {
        // A tip arriving between pages lands before the first page, not inside the next ones.
        Webhooks.tip(kafka, bin, "7600000309");
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> db.queryLong("SELECT count(*) FROM alert WHERE bank_bin = ?", bin) == 7);
      }
    } while (cursor != null);
    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(6).doesNotHaveDuplicates();
    assertThat(times).isSortedAccordingTo((a, b) -> Instant.parse(b).compareTo(Instant.parse(a)));
    assertThat(seen)
        .containsExactlyInAnyOrderElementsOf(
            db
                .query(
                    "SELECT id FROM alert WHERE bank_bin = ? AND account_number <> '7600000309'",
                    bin)
                .stream()
                .map(r -> r.get("id").toString())
                .toList());

    // The account as a bank may type it; type, state and time filters.
    given()
        .auth()
        .oauth2(token)
        .queryParam("account", "7600-000-300")
        .queryParam("type", "account.reported")
        .queryParam("state", "undelivered")
        .queryParam("since", before.toString())
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("$", hasSize(2))
        .body("accountNumber", everyItem(equalTo("7600000300")));
    given()
        .auth()
        .oauth2(token)
        .queryParam("state", "DELIVERED")
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("$", hasSize(0));
    given()
        .auth()
        .oauth2(token)
        .queryParam("type", "hold.lifted")
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("$", hasSize(0));
    given()
        .auth()
        .oauth2(token)
        .queryParam("since", Instant.now().plusSeconds(60).toString())
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("$", hasSize(0));
    // Instants past what PostgreSQL holds (it refused them: a 500) select what they mean.
    for (String path : List.of("/api/v1/alerts", "/api/v1/deliveries")) {
      given()
          .auth()
          .oauth2(token)
          .queryParam("since", "+300000-01-01T00:00:00Z")
          .get(path)
          .then()
          .statusCode(200)
          .body("$", hasSize(0));
      given()
          .auth()
          .oauth2(token)
          .queryParam("since", "-5000-01-01T00:00:00Z")
          .get(path)
          .then()
          .statusCode(200);
    }
    given()
        .auth()
        .oauth2(token)
        .queryParam("since", "-5000-01-01T00:00:00Z")
        .queryParam("account", "7600-000-300")
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("$", hasSize(2));
  }

  @Test
  void badFiltersAreRefusedNamingEachField() {
    // An operator's bank filter with a NUL reached PostgreSQL, which refused it (a 500).
    given()
        .auth()
        .oauth2(tokens.operator("ops@lists"))
        .queryParam("bankBin", "9704\u0000")
        .get("/api/v1/endpoints")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    String token = tokens.bank("970443");
    for (String path : List.of("/api/v1/alerts", "/api/v1/deliveries")) {
      given()
          .auth()
          .oauth2(token)
          .queryParams(
              Map.of(
                  "type", "account.stolen",
                  "state", "SPACESHIP",
                  "account", "x",
                  "since", "yesterday",
                  "cursor", "not-a-cursor"))
          .get(path)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors.field", hasItems("type", "state", "account", "since", "cursor"));
    }
  }

  @Test
  void deliveriesAreFilteredByStateAccountAndTypeAndPagedByCursor() {
    String bin = "970444";
    String token = tokens.bank(bin);
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, bin);
    for (int i = 0; i < 3; i++) {
      Webhooks.tip(kafka, bin, "760000040" + i);
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                db.queryLong(
                        "SELECT count(*) FROM delivery WHERE bank_bin = ? AND state = 'SUCCEEDED'",
                        bin)
                    == 3);
    given()
        .auth()
        .oauth2(token)
        .queryParam("state", "SUCCEEDED")
        .queryParam("account", "7600000401")
        .queryParam("type", "account.reported")
        .get("/api/v1/deliveries")
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("[0].state", equalTo("SUCCEEDED"));
    given()
        .auth()
        .oauth2(token)
        .queryParam("state", "FAILED")
        .get("/api/v1/deliveries")
        .then()
        .statusCode(200)
        .body("$", hasSize(0));

    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      var request = given().auth().oauth2(token).queryParam("limit", 1);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      ExtractableResponse<Response> page =
          request.get("/api/v1/deliveries").then().statusCode(200).extract();
      seen.addAll(page.path("id"));
      cursor = page.header("Next-Cursor");
    } while (cursor != null);
    assertThat(seen).hasSize(3).doesNotHaveDuplicates();
    // The alert list says the alerts are delivered now.
    given()
        .auth()
        .oauth2(token)
        .queryParam("state", "DELIVERED")
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("$", hasSize(3));
    Webhooks.retire(db, endpoint);
  }
}
