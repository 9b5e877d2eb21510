package io.fraudtip.cases.rest;

import static io.fraudtip.cases.TestTips.caseOf;
import static io.fraudtip.cases.TestTips.tip;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.fraudtip.cases.TestTips;
import io.fraudtip.cases.linking.TipLinking;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectTokens;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.RawRequest;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class WatchlistResourceTest {
  @InjectTokens Tokens tokens;
  @InjectDatabase TestDatabase db;
  @Inject TipLinking cases;

  /** Closes a case as UNFOUNDED through the police API. */
  static void closeUnfounded(Tokens tokens, UUID caseId, String unit) {
    TestTips.close(tokens, caseId, unit, "UNFOUNDED");
  }

  @Test
  void aBatchOfAThousandAnswersListedUnlistedAndUnfoundedCorrectly() {
    String hot = TestTips.account();
    String once = TestTips.account();
    String cleared = TestTips.account();
    // Three independent sources with transfers (SPEC §10): three tips from one source would be LOW.
    for (int i = 0; i < 3; i++) {
      cases.onTip(
          UUID.randomUUID(),
          tip().in("66", "24154").paid(hot, 1_000_000).from("address-" + hot + "-" + i).build());
    }
    TipReceivedV1 single = tip().in("66", null).paid(once, 1_000_000).build();
    cases.onTip(UUID.randomUUID(), single);
    TipReceivedV1 unfounded = tip().in("66", "24133").paid(cleared, 1_000_000).build();
    cases.onTip(UUID.randomUUID(), unfounded);
    Map<String, Object> unfoundedCase = caseOf(db, unfounded.tipId());
    closeUnfounded(tokens, (UUID) unfoundedCase.get("id"), (String) unfoundedCase.get("unit_code"));

    List<Map<String, String>> items = new ArrayList<>();
    items.add(Map.of("type", "BANK_ACCOUNT", "value", TestTips.VCB + ":" + hot));
    items.add(Map.of("type", "BANK_ACCOUNT", "value", TestTips.VCB + ":" + cleared));
    // Typed the way people write it: spaces and dots are ignored.
    items.add(
        Map.of(
            "type",
            "BANK_ACCOUNT",
            "value",
            TestTips.VCB + ":" + once.substring(0, 4) + " " + once.substring(4)));
    while (items.size() < 1000) {
      items.add(Map.of("type", "BANK_ACCOUNT", "value", TestTips.VCB + ":" + TestTips.account()));
    }

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
    assertThat(bank.getList("results")).hasSize(1000);
    assertThat(bank.getBoolean("results[0].listed")).isTrue();
    assertThat(bank.getInt("results[0].reportCount")).isEqualTo(3);
    assertThat(bank.getString("results[0].riskLevel")).isEqualTo("HIGH");
    assertThat(bank.getInt("results[0].independentSources")).isEqualTo(3);
    assertThat(bank.getString("results[0].caseReference")).startsWith("VN-");
    assertThat(bank.getString("results[0].firstReportedAt")).isNotNull();
    assertThat(bank.getBoolean("results[1].listed")).isFalse();
    assertThat(bank.getBoolean("results[2].listed")).isTrue();
    assertThat(bank.getString("results[2].riskLevel")).isEqualTo("LOW");
    assertThat(bank.getString("results[2].caseReference"))
        .isEqualTo(caseOf(db, single.tipId()).get("reference"));
    List<Boolean> listed = bank.getList("results.listed");
    assertThat(listed.subList(3, 1000)).containsOnly(false);

    JsonPath citizen =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("items", items.subList(0, 3)))
            .post("/api/v1/watchlist/check")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(citizen.getBoolean("results[0].listed")).isTrue();
    assertThat(citizen.getString("results[0].caseReference")).isNull();
    assertThat(citizen.getString("results[0].caseStatus")).isNull();
  }

  @Test
  void aCitizenChecksOnePhoneNumberAsTheyTypeIt() {
    String phone = TestTips.phone();
    cases.onTip(UUID.randomUUID(), tip().phone(phone).lost(1_000).build());
    String local = "0" + phone.substring(3);
    given()
        .queryParam("type", "PHONE")
        .queryParam("value", local)
        .get("/api/v1/watchlist/check")
        .then()
        .statusCode(200)
        .body("listed", equalTo(true))
        .body("value", equalTo(phone))
        .body("reportCount", equalTo(1))
        .body("caseReference", nullValue());
    given()
        .queryParam("type", "PHONE")
        .queryParam("value", "+84113")
        .get("/api/v1/watchlist/check")
        .then()
        .statusCode(400)
        .body("errors.code", contains("phone.invalid"));
  }

  /**
   * A bank checks a scammer's Zalo account and wallet as its customer typed them: the forms intake
   * stored (E.164, lower case) are found, and so are the ones stored as typed before they had one.
   */
  @Test
  void socialAccountsAndWalletsAreFoundHoweverTheyAreTyped() {
    String digits = TestTips.phone().substring(3);
    String wallet = "0x" + UUID.randomUUID().toString().replace("-", "") + "abcdef12";
    String handle = "legacy" + UUID.randomUUID().toString().substring(0, 8);
    cases.onTip(
        UUID.randomUUID(),
        tip()
            .identifier(
                io.fraudtip.contracts.tips.IdentifierType.SOCIAL_ACCOUNT, "ZALO:+84" + digits)
            .identifier(io.fraudtip.contracts.tips.IdentifierType.CRYPTO_WALLET, wallet)
            .identifier(
                io.fraudtip.contracts.tips.IdentifierType.SOCIAL_ACCOUNT, "TELEGRAM:@" + handle)
            .lost(1_000)
            .build());
    JsonPath answers =
        given()
            .auth()
            .oauth2(tokens.bank(TestTips.VCB))
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "items",
                    List.of(
                        Map.of(
                            "type",
                            "SOCIAL_ACCOUNT",
                            "value",
                            "zalo: 0" + digits.substring(0, 3) + " " + digits.substring(3)),
                        Map.of(
                            "type",
                            "CRYPTO_WALLET",
                            "value",
                            wallet.toUpperCase().replace("0X", "0x")),
                        Map.of("type", "SOCIAL_ACCOUNT", "value", "TELEGRAM:@" + handle))))
            .post("/api/v1/watchlist/check")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(answers.getList("results.listed", Boolean.class)).containsExactly(true, true, true);
    assertThat(answers.getList("results.value", String.class))
        .containsExactly("ZALO:+84" + digits, wallet, "TELEGRAM:" + handle);
  }

  @Test
  void aBatchAboveAThousandIsRefused() {
    List<Map<String, String>> items = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      items.add(Map.of("type", "PHONE", "value", "+849" + i));
    }
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("items", items))
        .post("/api/v1/watchlist/check")
        .then()
        .statusCode(400);
  }

  /**
   * Accounts are listed at their bank: a bare account number was answered "not listed" whatever the
   * account, a false all-clear before a transfer. It is refused, naming the field.
   */
  @Test
  void aBankAccountWithoutItsBankIsRefusedNotAnsweredNotListed() {
    given()
        .queryParam("type", "BANK_ACCOUNT")
        .queryParam("value", "0123456789")
        .get("/api/v1/watchlist/check")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", contains("value"))
        .body("errors.code", contains("account.bank-required"));
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "items",
                List.of(
                    Map.of("type", "BANK_ACCOUNT", "value", "VCB:0123456789"),
                    Map.of("type", "BANK_ACCOUNT", "value", "0123 456 789"))))
        .post("/api/v1/watchlist/check")
        .then()
        .statusCode(400)
        .body("errors.field", contains("items[1].value"))
        .body("errors.code", contains("account.bank-required"));
    given()
        .queryParam("type", "BANK_ACCOUNT")
        .queryParam("value", "VCB:0123456789")
        .get("/api/v1/watchlist/check")
        .then()
        .statusCode(200);
  }

  /**
   * An account at a bank the directory does not know (a typo, the two parts swapped) was looked up
   * as typed and answered "not listed" whatever the account: it is refused too, naming the field.
   */
  @Test
  void anAccountAtABankNobodyKnowsIsRefusedNotAnsweredNotListed() {
    for (String typed : new String[] {"Đông Á Bank X:0123456789", "0123456789:VCB"}) {
      given()
          .queryParam("type", "BANK_ACCOUNT")
          .queryParam("value", typed)
          .get("/api/v1/watchlist/check")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors.field", contains("value"))
          .body("errors.code", contains("bank.unknown"));
    }
    given()
        .queryParam("type", "BANK_ACCOUNT")
        .queryParam("value", "VCB:")
        .get("/api/v1/watchlist/check")
        .then()
        .statusCode(400)
        .body("errors.code", contains("account.invalid"));
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "items",
                List.of(
                    Map.of("type", "BANK_ACCOUNT", "value", "VCB:0123456789"),
                    Map.of("type", "BANK_ACCOUNT", "value", "Ngân hàng Ma:0123456789"))))
        .post("/api/v1/watchlist/check")
        .then()
        .statusCode(400)
        .body("errors.field", contains("items[1].value"))
        .body("errors.code", contains("bank.unknown"));
  }

  /**
   * A value its type does not read (a phone that is no number, a URL without a host, a domain under
   * no public suffix) was answered "not listed": intake stores no such value, so that answer was a
   * false all-clear for whatever the caller meant. It is refused as intake refuses it, naming the
   * field, for an anonymous caller and a bank (whose checks are answered from memory) and a police
   * unit (whose checks read the database on a worker thread), and in a batch each such item with
   * every other bad item in one answer.
   */
  @Test
  void aValueItsTypeDoesNotReadIsRefusedNotAnsweredNotListed() {
    Map<String, String> unreadable =
        Map.of(
            "PHONE", "abc",
            "URL", "javascript:alert(1)",
            "DOMAIN", "localhost");
    Map<String, String> codes =
        Map.of("PHONE", "phone.invalid", "URL", "url.host", "DOMAIN", "url.domain");
    for (String token : new String[] {null, tokens.bank("970436"), tokens.police("PA05-66")}) {
      for (var typed : unreadable.entrySet()) {
        var request = given();
        if (token != null) {
          request.auth().oauth2(token);
        }
        request
            .queryParam("type", typed.getKey())
            .queryParam("value", typed.getValue())
            .get("/api/v1/watchlist/check")
            .then()
            .statusCode(400)
            .contentType("application/problem+json")
            .body("errors.field", contains("value"))
            .body("errors.code", contains(codes.get(typed.getKey())))
            .body("errors[0].message", containsString(" / "));
      }
    }
    given()
        .auth()
        .oauth2(tokens.bank("970436"))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "items",
                List.of(
                    Map.of("type", "PHONE", "value", "0912 345 678"),
                    Map.of("type", "PHONE", "value", "12"),
                    Map.of("type", "URL", "value", "https://BoCongAn-XacMinh.com/tra-cuu"),
                    Map.of("type", "URL", "value", "http://exa mple/"),
                    Map.of("type", "BANK_ACCOUNT", "value", "0123456789"))))
        .post("/api/v1/watchlist/check")
        .then()
        .statusCode(400)
        .body("errors.field", contains("items[1].value", "items[3].value", "items[4].value"))
        .body("errors.code", contains("phone.invalid", "url.invalid", "account.bank-required"));
    given()
        .queryParam("type", "PHONE")
        .queryParam("value", "0912 345 678")
        .get("/api/v1/watchlist/check")
        .then()
        .statusCode(200)
        .body("value", equalTo("+84912345678"));
  }

  /**
   * A value stored under an older reading, that today's rules no longer read (here a domain under a
   * suffix the public suffix list does not have, and an account at a bank no longer in the
   * directory; a shared platform's home page stored before those were refused), is still answered
   * as stored, not refused.
   */
  @Test
  void aValueStoredUnderAnOlderReadingIsStillAnsweredAsStored() {
    String domain = "legacy-" + UUID.randomUUID().toString().substring(0, 8) + ".nosuchsuffix";
    String account = "999999:" + (1_000_000_000L + ThreadLocalRandom.current().nextInt(1 << 30));
    cases.onTip(
        UUID.randomUUID(),
        tip()
            .identifier(io.fraudtip.contracts.tips.IdentifierType.DOMAIN, domain)
            .identifier(io.fraudtip.contracts.tips.IdentifierType.BANK_ACCOUNT, account)
            .lost(1_000)
            .build());
    for (String token : new String[] {null, tokens.police("PA05-66")}) {
      for (String[] stored : new String[][] {{"DOMAIN", domain}, {"BANK_ACCOUNT", account}}) {
        var request = given();
        if (token != null) {
          request.auth().oauth2(token);
        }
        request
            .queryParam("type", stored[0])
            .queryParam("value", stored[1])
            .get("/api/v1/watchlist/check")
            .then()
            .statusCode(200)
            .body("listed", equalTo(true))
            .body("value", equalTo(stored[1]));
      }
    }
    given()
        .queryParam("type", "DOMAIN")
        .queryParam("value", "other-" + domain)
        .get("/api/v1/watchlist/check")
        .then()
        .statusCode(400)
        .body("errors.code", contains("url.domain"));
  }

  /**
   * A foreign number's {@code +} typed into a query string unencoded reads as a space: the check
   * takes it as the {@code +} it was, as the batch (a JSON body) does.
   */
  @Test
  void aForeignNumbersPlusSentUnencodedIsStillAPlus() {
    String number = "+85512" + (100_000 + ThreadLocalRandom.current().nextInt(899_999));
    cases.onTip(
        UUID.randomUUID(),
        tip().foreignPhone(number, "KH").paid(TestTips.account(), 1_000_000).build());
    given()
        .urlEncodingEnabled(false)
        .get("/api/v1/watchlist/check?type=PHONE&value=" + number)
        .then()
        .statusCode(200)
        .body("listed", equalTo(true));
  }

  @Test
  void anUnknownTypeIsA400NamingTheParameterNotA404() {
    given()
        .get("/api/v1/watchlist/check?type=bank_ACCOUNT&value=970436:123456")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("type"))
        .body("errors[0].message", org.hamcrest.Matchers.containsString("BANK_ACCOUNT"));
  }

  @Test
  void aMissingOrBlankParameterIsNamedInTheError() {
    given()
        .get("/api/v1/watchlist/check?type=BANK_ACCOUNT")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", contains("value"))
        .body("errors.code", contains("NotBlank"));
    given()
        .queryParam("type", "PHONE")
        .queryParam("value", " ")
        .get("/api/v1/watchlist/check")
        .then()
        .statusCode(400)
        .body("errors.field", contains("value"));
    given()
        .get("/api/v1/watchlist/check?value=0912345678")
        .then()
        .statusCode(400)
        .body("errors.field", contains("type"))
        .body("errors.code", contains("NotNull"));
  }

  @Test
  void aParameterGivenTwiceIsRefusedRatherThanOneOfItsValuesChecked() {
    given()
        .auth()
        .oauth2(tokens.bank("970436"))
        .get("/api/v1/watchlist/check?type=PHONE&value=0912345678&value=0987654321")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("instance", equalTo("/api/v1/watchlist/check"))
        .body("errors.field", contains("value"))
        .body("errors.code", contains("parameter.repeated"))
        .body("errors[0].message", equalTo("The parameter 'value' is given more than once"));
    given()
        .auth()
        .oauth2(tokens.bank("970436"))
        .get("/api/v1/watchlist/check?type=PHONE&type=URL&value=0912345678")
        .then()
        .statusCode(400)
        .body("errors.field", contains("type"));
  }

  @Test
  void aValueWithABadPercentEscapeIsAProblemNamingIt() throws Exception {
    RawRequest bad =
        RawRequest.get(
            RestAssured.port,
            "/api/v1/watchlist/check?type=PHONE&value=0912%zz5678",
            Map.of("Authorization", "Bearer " + tokens.bank("970436"), "Accept-Language", "vi"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.headers()).containsEntry("content-type", "application/problem+json");
    JsonPath problem = JsonPath.from(bad.body());
    assertThat(problem.getString("type")).isEqualTo("validation");
    assertThat(problem.getList("errors.field")).containsExactly("value");
    assertThat(problem.getList("errors.code")).containsExactly("uri.malformed");
    assertThat(problem.getString("errors[0].message"))
        .startsWith("URI không hợp lệ tại ký tự thứ 46:");
    RawRequest bar =
        RawRequest.get(
            RestAssured.port,
            "/api/v1/watchlist/check?type=PHONE&value=0912|5678",
            Map.of("Authorization", "Bearer " + tokens.bank("970436")));
    assertThat(bar.status()).isEqualTo(400);
    assertThat(JsonPath.from(bar.body()).getList("errors.field")).containsExactly("value");
  }

  @Test
  void twoBearerTokensAreRefusedRatherThanTheFirstTaken() throws Exception {
    RawRequest twoTokens =
        RawRequest.exchange(
            RestAssured.port,
            "GET /api/v1/watchlist/check?type=PHONE&value=0912345678 HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer "
                + tokens.bank("970436")
                + "\r\nAuthorization: Bearer "
                + tokens.police("PA05-66")
                + "\r\nConnection: close\r\n\r\n",
            new byte[0]);
    assertThat(twoTokens.status()).isEqualTo(400);
    assertThat(JsonPath.from(twoTokens.body()).getList("errors.field"))
        .containsExactly("Authorization");
  }
}
