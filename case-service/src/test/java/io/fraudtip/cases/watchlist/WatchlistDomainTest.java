package io.fraudtip.cases.watchlist;

import static io.fraudtip.cases.TestTips.tip;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.fraudtip.cases.TestTips;
import io.fraudtip.cases.linking.TipLinking;
import io.fraudtip.contracts.tips.IdentifierType;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.testsupport.InjectTokens;
import io.fraudtip.testsupport.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** A URL check also answers for the URL's registrable domain, and says which form matched. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class WatchlistDomainTest {
  @InjectTokens Tokens tokens;
  @Inject TipLinking cases;

  private static String domain() {
    return "bocongan-xacminh-" + ThreadLocalRandom.current().nextInt(1_000_000) + ".com";
  }

  @Test
  void aUrlOnAListedDomainIsListedByItsDomainAndSaysSo() {
    String domain = domain();
    // Only the domain was reported: the URL asked is unknown to the in-memory view.
    cases.onTip(
        UUID.randomUUID(), tip().identifier(IdentifierType.DOMAIN, domain).lost(1_000).build());
    String typed = "HTTP://WWW." + domain.toUpperCase() + "/Other/Page?x=1#top";

    // Twice: from the database, then (cached) from memory, with the same answer.
    for (int i = 0; i < 2; i++) {
      given()
          .queryParam("type", "URL")
          .queryParam("value", typed)
          .get("/api/v1/watchlist/check")
          .then()
          .statusCode(200)
          .body("type", equalTo("URL"))
          .body("value", equalTo("http://www." + domain + "/Other/Page?x=1"))
          .body("listed", equalTo(true))
          .body("reportCount", equalTo(1))
          .body("matchedOn.type", equalTo("DOMAIN"))
          .body("matchedOn.value", equalTo(domain))
          .body("caseReference", nullValue());
    }
    // A sub-domain checked as a DOMAIN, in another spelling: listed by its registrable domain.
    given()
        .queryParam("type", "DOMAIN")
        .queryParam("value", "login." + domain.toUpperCase() + ".")
        .get("/api/v1/watchlist/check")
        .then()
        .statusCode(200)
        .body("value", equalTo("login." + domain))
        .body("listed", equalTo(true))
        .body("matchedOn.type", equalTo("DOMAIN"))
        .body("matchedOn.value", equalTo(domain));
    // Another site is not listed, and names no match.
    given()
        .queryParam("type", "URL")
        .queryParam("value", "https://" + domain() + "/login")
        .get("/api/v1/watchlist/check")
        .then()
        .statusCode(200)
        .body("listed", equalTo(false))
        .body("matchedOn", nullValue());
  }

  @Test
  void aBatchAnswersEachUrlByItsOwnListingOrItsDomains() {
    String domain = domain();
    String url = "https://" + domain + "/login";
    cases.onTip(
        UUID.randomUUID(),
        tip()
            .identifier(IdentifierType.URL, url)
            .identifier(IdentifierType.DOMAIN, domain)
            .lost(1_000)
            .build());
    List<Map<String, String>> items =
        List.of(
            Map.of("type", "URL", "value", "HTTPS://" + domain + "/login#x"),
            Map.of("type", "URL", "value", "https://" + domain + "/pay"),
            Map.of("type", "URL", "value", "https://" + domain() + "/login"),
            Map.of("type", "BANK_ACCOUNT", "value", "VCB:" + TestTips.account()));

    JsonPath bank =
        given()
            .auth()
            .oauth2(tokens.bank(TestTips.VCB))
            .contentType(ContentType.JSON)
            .body(Map.of("items", items))
            .post("/api/v1/watchlist/check")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(bank.getBoolean("results[0].listed")).isTrue();
    assertThat(bank.getString("results[0].value")).isEqualTo(url);
    assertThat(bank.getString("results[0].caseReference")).startsWith("VN-");
    assertThat(bank.getBoolean("results[1].listed")).isTrue();
    assertThat(bank.getString("results[1].value")).isEqualTo("https://" + domain + "/pay");
    assertThat(bank.getString("results[1].matchedOn.type")).isEqualTo("DOMAIN");
    assertThat(bank.getString("results[1].matchedOn.value")).isEqualTo(domain);
    assertThat(bank.getString("results[1].caseReference"))
        .isEqualTo(bank.getString("results[0].caseReference"));
    assertThat(bank.getBoolean("results[2].listed")).isFalse();
    assertThat(bank.getBoolean("results[3].listed")).isFalse();
    assertThat(bank.getString("results[3].value")).startsWith(TestTips.VCB + ":");
  }
}
