package io.fraudtip.cases.watchlist;

import static io.fraudtip.cases.TestTips.tip;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.fraudtip.cases.RouteAnswers;
import io.fraudtip.cases.TestTips;
import io.fraudtip.cases.linking.TipLinking;
import io.fraudtip.contracts.tips.IdentifierType;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectTokens;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The watchlist's answer cache, switched on (the other tests run with it off). */
@QuarkusTest
@TestProfile(WatchlistCacheTest.LongCache.class)
@WithTestResource(PlatformTestResource.class)
class WatchlistCacheTest {
  /** Answers kept for an hour, so that what the test sees is the cache and not its expiry. */
  public static class LongCache implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("fraudtip.watchlist.cache-ttl", "1h");
    }
  }

  @InjectTokens Tokens tokens;
  @InjectDatabase TestDatabase db;
  @Inject TipLinking cases;
  @Inject MeterRegistry registry;

  @Test
  void anAnswerIsReusedUntilItExpires() {
    String account = TestTips.account();
    cases.onTip(UUID.randomUUID(), tip().in("66", null).paid(account, 1_000_000).build());
    check(tokens.bank(TestTips.VCB), account).body("listed", equalTo(true));

    // Gone from the database behind the service's back: the cached answer stands for its time to
    // live (only evidence recorded through the service clears it).
    db.update(
        "DELETE FROM identifier_evidence WHERE type = 'BANK_ACCOUNT' AND value = ?",
        TestTips.VCB + ":" + account);
    check(tokens.bank(TestTips.VCB), account).body("listed", equalTo(true));
  }

  @Test
  void evidenceRecordedOnThisInstanceShowsAtOnce() {
    String account = TestTips.account();
    check(tokens.bank(TestTips.VCB), account).body("listed", equalTo(false));

    cases.onTip(UUID.randomUUID(), tip().in("66", null).paid(account, 1_000_000).build());

    // The new report committed: the cached "not listed" was forgotten.
    check(tokens.bank(TestTips.VCB), account).body("listed", equalTo(true));
  }

  @Test
  void anAllowListingOnThisInstanceShowsAtOnce() {
    String domain = "bank" + UUID.randomUUID().toString().substring(0, 8) + ".com.vn";
    String url = "https://ebanking." + domain + "/login";
    String account = TestTips.account();
    cases.onTip(
        UUID.randomUUID(),
        tip()
            .identifier(IdentifierType.DOMAIN, "ebanking." + domain)
            .identifier(IdentifierType.URL, url)
            .paid(account, 1_000_000)
            .build());
    String bank = tokens.bank(TestTips.VCB);
    check(bank, "DOMAIN", "ebanking." + domain).body("listed", equalTo(true));
    check(bank, "URL", url).body("listed", equalTo(true));

    given()
        .auth()
        .oauth2(tokens.operator("ops-cache"))
        .contentType(ContentType.JSON)
        .body(
            "{\"type\":\"DOMAIN\",\"value\":\""
                + domain
                + "\",\"reason\":\"Tên miền chính thức của ngân hàng\"}")
        .post("/api/v1/admin/allow-list")
        .then()
        .statusCode(201)
        .body("delistedIdentifiers", equalTo(2));

    // Delisted with no evidence recorded: the cached "listed" answers were forgotten at commit.
    check(bank, "DOMAIN", "ebanking." + domain).body("listed", equalTo(false));
    check(bank, "URL", url).body("listed", equalTo(false));
    // The case's account is not covered: its cached answer stands.
    check(bank, account).body("listed", equalTo(true));
  }

  @Test
  void aCitizenNeverGetsTheCaseFieldsOfAnAnswerCachedForABank() {
    String account = TestTips.account();
    cases.onTip(UUID.randomUUID(), tip().in("66", null).paid(account, 1_000_000).build());

    check(tokens.bank(TestTips.VCB), account)
        .body("listed", equalTo(true))
        .body("caseReference", startsWith("VN-"));
    check(null, account)
        .body("listed", equalTo(true))
        .body("reportCount", equalTo(1))
        .body("caseReference", nullValue())
        .body("caseStatus", nullValue());
    check(tokens.bank(TestTips.VCB), account).body("caseReference", startsWith("VN-"));
  }

  @Test
  void aTokenKeptAnsweredBeforeAuthenticationKeepsItsRoles() {
    String account = TestTips.account();
    cases.onTip(UUID.randomUUID(), tip().in("66", null).paid(account, 1_000_000).build());
    String bank = tokens.bank(TestTips.VCB);
    String operator = tokens.operator("operator@test");
    String unit = tokens.police("PA05-66");
    // Each token verified once by authentication (and kept); the answer read once and cached.
    check(bank, account).body("caseReference", startsWith("VN-"));
    check(operator, account).body("caseReference", startsWith("VN-"));
    check(unit, account).body("caseReference", startsWith("VN-"));
    double before = RouteAnswers.early(registry);

    check(bank, account).body("listed", equalTo(true)).body("caseReference", startsWith("VN-"));
    check(operator, account).body("caseReference", startsWith("VN-"));
    check(null, account).body("listed", equalTo(true)).body("caseReference", nullValue());
    assertThat(RouteAnswers.early(registry)).isEqualTo(before + 3);
    // A unit's kept token still goes on to the resource, which looks its unit up.
    check(unit, account).body("caseReference", startsWith("VN-"));
    assertThat(RouteAnswers.early(registry)).isEqualTo(before + 3);
  }

  @Test
  void aListedAnswerAskedAgainIsTheAnswerOfNowNotAnEarlierBody() {
    String account = TestTips.account();
    String bank = tokens.bank(TestTips.VCB);
    cases.onTip(UUID.randomUUID(), tip().in("66", null).paid(account, 1_000_000).build());
    String first = check(bank, account).extract().asString();
    double before = RouteAnswers.all(registry);

    // Asked again: from memory, written once and then the body kept, each time the same.
    assertThat(check(bank, account).extract().asString()).isEqualTo(first);
    assertThat(check(bank, account).extract().asString()).isEqualTo(first);
    // A second report changes the answer: its body follows, though the first one is still kept.
    cases.onTip(UUID.randomUUID(), tip().in("66", null).paid(account, 2_000_000).build());
    check(bank, account).body("reportCount", equalTo(2));
    check(bank, account).body("reportCount", equalTo(2));
    // A citizen's answer is another answer (no case), never the bank's body.
    check(null, account).body("reportCount", equalTo(2)).body("caseReference", nullValue());

    assertThat(RouteAnswers.all(registry)).isEqualTo(before + 4);
  }

  @Test
  void aKeptBodySentByManyResponsesAtOnceIsWholeInEach() throws Exception {
    String account = TestTips.account();
    String bank = tokens.bank(TestTips.VCB);
    cases.onTip(UUID.randomUUID(), tip().in("66", null).paid(account, 1_000_000).build());
    String first = check(bank, account).extract().asString();
    check(bank, account);
    double before = RouteAnswers.all(registry);

    // The kept body, sent by responses on both event loops at once, each from its own copy.
    Callable<String> ask = () -> check(bank, account).extract().asString();
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try {
      for (Future<String> body : callers.invokeAll(Collections.nCopies(200, ask))) {
        assertThat(body.get()).isEqualTo(first);
      }
    } finally {
      callers.shutdownNow();
    }
    assertThat(RouteAnswers.all(registry)).isEqualTo(before + 200);
  }

  static io.restassured.response.ValidatableResponse check(String token, String account) {
    return check(token, "BANK_ACCOUNT", TestTips.VCB + ":" + account);
  }

  static io.restassured.response.ValidatableResponse check(
      String token, String type, String value) {
    var request = given();
    if (token != null) {
      request = request.auth().oauth2(token);
    }
    return request
        .queryParam("type", type)
        .queryParam("value", value)
        .get("/api/v1/watchlist/check")
        .then()
        .statusCode(200);
  }
}
