package io.fraudtip.cases.quotas;

import static io.fraudtip.cases.TestTips.caseOf;
import static io.fraudtip.cases.TestTips.tip;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.fraudtip.cases.TestTips;
import io.fraudtip.cases.linking.TipEvent;
import io.fraudtip.cases.linking.TipLinking;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectTokens;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Quotas of case-service with small limits. Each test comes from its own addresses through a
 * trusted proxy's X-Forwarded-For, so that the tests do not share buckets.
 */
@QuarkusTest
@TestProfile(QuotaTest.SmallQuotas.class)
@WithTestResource(PlatformTestResource.class)
class QuotaTest {
  /**
   * Four requests per address and six per bank an hour, three disputes per address a day and per
   * identifier open, three outsider lines per case a day.
   */
  public static class SmallQuotas implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.ofEntries(
          Map.entry("fraudtip.quotas.per-address-capacity", "4"),
          Map.entry("fraudtip.quotas.per-client-capacity", "1000"),
          Map.entry("fraudtip.quotas.per-bank-capacity", "6"),
          Map.entry("fraudtip.quotas.per-police-capacity", "1000"),
          Map.entry("fraudtip.quotas.period", "1h"),
          Map.entry("fraudtip.quotas.disputes.per-address-per-day", "3"),
          Map.entry("fraudtip.quotas.disputes.max-open-per-identifier", "3"),
          Map.entry("fraudtip.quotas.timeline.max-outsider-entries-per-day", "3"),
          Map.entry("quarkus.http.proxy.proxy-address-forwarding", "true"),
          Map.entry("quarkus.http.proxy.allow-x-forwarded", "true"),
          Map.entry("quarkus.http.proxy.trusted-proxies", "127.0.0.1,localhost"));
    }
  }

  @InjectTokens Tokens tokens;
  @InjectDatabase TestDatabase db;
  @Inject TipLinking cases;

  @Test
  void anAddressGetsItsLimitOnTheAnonymousEndpointsThen429WithRetryAfter() {
    String check = "/api/v1/watchlist/check?type=PHONE&value=0912345678";
    for (int i = 0; i < 3; i++) {
      from("203.0.113.40").get(check).then().statusCode(200);
    }
    // Reading a dispute's receipt counts against the same address.
    from("203.0.113.40").get("/api/v1/disputes/" + UUID.randomUUID()).then().statusCode(404);
    from("203.0.113.40")
        .header("Accept-Language", "vi")
        .get(check)
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", Integer::parseInt, greaterThan(0))
        .header("Retry-After", Integer::parseInt, lessThanOrEqualTo(3600))
        .body("status", equalTo(429))
        .body("title", equalTo("Quá nhiều yêu cầu"));
    from("203.0.113.40")
        .contentType(ContentType.JSON)
        .body("{\"items\":[{\"type\":\"PHONE\",\"value\":\"0912345678\"}]}")
        .post("/api/v1/watchlist/check")
        .then()
        .statusCode(429);
    from("203.0.113.41").get(check).then().statusCode(200);
  }

  @Test
  void aBankHasItsOwnLargerQuotaByToken() {
    String check = "/api/v1/watchlist/check?type=PHONE&value=0912345678";
    String bank = tokens.bank("970415");
    // Past the address's four: the bank's token has six of its own, from whatever address.
    for (int i = 0; i < 6; i++) {
      from("198.51.100.50").auth().oauth2(bank).get(check).then().statusCode(200);
    }
    from("198.51.100.51").auth().oauth2(bank).get(check).then().statusCode(429);
    from("198.51.100.51").auth().oauth2(tokens.bank("970418")).get(check).then().statusCode(200);
  }

  @Test
  void aBatchOfTipsJoiningOneCaseWritesNoMoreOutsiderLinesThanTheBound() {
    // Counted within the batch's transaction too: its lines not yet written to the database.
    String account = TestTips.account();
    List<TipEvent> batch =
        IntStream.range(0, 5)
            .mapToObj(i -> TipEvent.of(UUID.randomUUID(), tip().paid(account, 1_000_000).build()))
            .toList();
    cases.onTips(batch);
    UUID caseId = (UUID) caseOf(db, batch.get(0).tip().tipId()).get("id");
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM case_timeline WHERE case_id = ? AND kind = 'TIP_ADDED'",
                caseId))
        .isEqualTo(3);
    assertThat(db.queryLong("SELECT count(*) FROM case_tip WHERE case_id = ?", caseId))
        .isEqualTo(5);
  }

  /** A bank account a tip lists, as a dispute's value. */
  private String listedAccount() {
    String account = TestTips.account();
    cases.onTip(UUID.randomUUID(), tip().in("66", "24133").paid(account, 1_000_000).build());
    return TestTips.VCB + ":" + account;
  }

  private static String disputeOf(String account) {
    return "{\"type\":\"BANK_ACCOUNT\",\"value\":\"" + account + "\",\"reason\":\"Của tôi\"}";
  }

  @Test
  void disputesAreBoundedPerIdentifierPerAddressAndInTheTimeline() {
    String account = TestTips.account();
    TipReceivedV1 t = tip().in("66", "24133").paid(account, 1_000_000).build();
    cases.onTip(UUID.randomUUID(), t);
    UUID caseId = (UUID) caseOf(db, t.tipId()).get("id");
    String body =
        "{\"type\":\"BANK_ACCOUNT\",\"value\":\""
            + TestTips.VCB
            + ":"
            + account
            + "\",\"reason\":\"Tài khoản của tôi\"}";

    for (int i = 0; i < 3; i++) {
      fileFrom("192.0.2." + (60 + i), body).then().statusCode(201);
    }
    fileFrom("192.0.2.63", body)
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("dispute-open-limit"));
    // Three disputes kept; the case's timeline took the tip's line and two of theirs (three a day).
    assertThat(db.queryLong("SELECT count(*) FROM dispute WHERE case_id = ?", caseId)).isEqualTo(3);
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM case_timeline WHERE case_id = ? AND kind = 'DISPUTE_FILED'",
                caseId))
        .isEqualTo(2);

    // One address files three disputes a day.
    for (int i = 0; i < 3; i++) {
      fileFrom("192.0.2.70", disputeOf(listedAccount())).then().statusCode(201);
    }
    fileFrom("192.0.2.70", body)
        .then()
        .statusCode(429)
        .body("type", equalTo("dispute-quota"))
        .header("Retry-After", Integer::parseInt, greaterThan(0));
    // A refused filing (a typo, an unlisted value) is no filing: it takes nothing from the
    // allowance, or an innocent holder's typos would shut their way out for the day.
    fileFrom("192.0.2.71", "{\"type\":\"PHONE\",\"value\":\"12ab\",\"reason\":\"x\"}")
        .then()
        .statusCode(400);
    for (int i = 0; i < 2; i++) {
      fileFrom(
              "192.0.2.71",
              "{\"type\":\"PHONE\",\"value\":\"0900000" + (100 + i) + "\"," + "\"reason\":\"x\"}")
          .then()
          .statusCode(404);
    }
    fileFrom("192.0.2.71", disputeOf(listedAccount())).then().statusCode(201);
    // A bank files for its customers from its servers' one address: its token's quota bounds it.
    String bank = tokens.bank("970422");
    for (int i = 0; i < 4; i++) {
      from("192.0.2.80")
          .auth()
          .oauth2(bank)
          .contentType(ContentType.JSON)
          .body("{\"type\":\"PHONE\",\"value\":\"0900000" + (200 + i) + "\",\"reason\":\"x\"}")
          .post("/api/v1/disputes")
          .then()
          .statusCode(404);
    }
  }

  private static RequestSpecification from(String address) {
    return given().header("X-Forwarded-For", address);
  }

  private static io.restassured.response.Response fileFrom(String address, String body) {
    return from(address).contentType(ContentType.JSON).body(body).post("/api/v1/disputes");
  }
}
