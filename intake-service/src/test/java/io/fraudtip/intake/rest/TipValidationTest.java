package io.fraudtip.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.tips.IdentifierType;
import io.fraudtip.contracts.tips.IdentifierV1;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.contracts.tips.TransferV1;
import io.fraudtip.contracts.tips.TrustLevel;
import io.fraudtip.intake.Tips;
import io.fraudtip.testsupport.CloudEventRecords;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectKafka;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.net.IDN;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every input rule of SPEC §4, through the API: each bad value and the error it gets. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class TipValidationTest {
  @InjectKafka KafkaCompanion kafka;
  @InjectDatabase TestDatabase db;

  @Test
  void theTipOnTipsV1CarriesTheNormalisedData() throws Exception {
    String tipId =
        given()
            .contentType(ContentType.JSON)
            .body(Tips.FULL)
            .post("/api/v1/tips")
            .then()
            .statusCode(202)
            .extract()
            .path("tipId");

    var record =
        CloudEventRecords.awaitFirst(
            kafka, Topics.TIPS_V1, r -> tipId.equals(r.key()), Duration.ofSeconds(20));
    TipReceivedV1 event = Json.events().readValue(record.value(), TipReceivedV1.class);
    assertThat(event.trust()).isEqualTo(TrustLevel.IDENTIFIED_WITH_TRANSFERS);
    assertThat(event.provinceCode()).isEqualTo("66");
    assertThat(event.communeCode()).isEqualTo("24133");
    assertThat(event.transfers())
        .containsExactly(
            new TransferV1(
                "970436",
                "001100234567",
                "NGUYEN VAN B",
                45_000_000,
                Instant.parse("2026-11-20T03:05:00Z")));
    assertThat(event.identifiers())
        .containsExactlyInAnyOrder(
            new IdentifierV1(IdentifierType.PHONE, "+84869123456", null, "VN", false),
            // 01688 123 456 is the old number of 0388 123 456 (2018 prefix table).
            new IdentifierV1(IdentifierType.PHONE, "+84388123456", null, "VN", false),
            new IdentifierV1(
                IdentifierType.BANK_ACCOUNT, "970422:9999888877", "970422", null, false),
            new IdentifierV1(
                IdentifierType.URL, "https://dichvucong-bocongan.com/cai-dat", null, null, false),
            new IdentifierV1(IdentifierType.DOMAIN, "dichvucong-bocongan.com", null, null, false),
            new IdentifierV1(IdentifierType.SOCIAL_ACCOUNT, "ZALO:+84869123456", null, null, false),
            new IdentifierV1(IdentifierType.APP_PACKAGE, "com.dichvucong.gov", null, null, false));
    // The reporter's personal data never leaves intake.
    assertThat(record.value())
        .doesNotContain("Hoa", "912345678", "0912", "hoa.nguyen", "066190001234");
  }

  @Test
  void foreignPhonesAndBareDomainsAndIdnHostsAreNormalised() throws Exception {
    ObjectNode tip = tip();
    ObjectNode scammer = tip.putObject("scammer");
    scammer.putArray("phones").add("+855 12 345 678");
    scammer.putArray("urls").add("Bộcôngan-XacMinh.vn/a#b").add("DICHVUCONG-GOV.TOP");
    String tipId = accept(tip);

    var record =
        CloudEventRecords.awaitFirst(
            kafka, Topics.TIPS_V1, r -> tipId.equals(r.key()), Duration.ofSeconds(20));
    TipReceivedV1 event = Json.events().readValue(record.value(), TipReceivedV1.class);
    String puny = IDN.toASCII("bộcôngan-xacminh.vn");
    assertThat(event.identifiers())
        .containsExactlyInAnyOrder(
            new IdentifierV1(IdentifierType.PHONE, "+85512345678", null, "KH", true),
            new IdentifierV1(IdentifierType.URL, "http://" + puny + "/a", null, null, false),
            new IdentifierV1(IdentifierType.DOMAIN, puny, null, null, false),
            new IdentifierV1(IdentifierType.DOMAIN, "dichvucong-gov.top", null, null, false));
    assertThat(event.trust()).isEqualTo(TrustLevel.ANONYMOUS);
  }

  @Test
  void everyBadFieldIsListedInOneAnswerAndNothingIsStored() {
    ObjectNode tip = tip();
    tip.put("colour", "red");
    tip.putObject("location").put("provinceCode", "54").put("communeCode", "24133");
    tip.put("amountLostVnd", -1);
    tip.putObject("reporter").put("name", "Lê Văn Tám").put("nationalId", "12AB");
    ArrayNode transfers = tip.putArray("transfers");
    transfers
        .addObject()
        .put("bank", "No Such Bank")
        .put("accountNumber", "12 #")
        .put("amountVnd", 10)
        .put("at", Instant.now().plus(1, ChronoUnit.DAYS).toString())
        .put("shoeSize", 42);
    ObjectNode scammer = tip.putObject("scammer");
    scammer.putArray("phones").add("0869123456").add("12345");
    scammer
        .putArray("urls")
        .add("ftp://files.example.com")
        .add("https://com.vn/")
        .add("https://www.facebook.com/");
    scammer
        .putArray("bankAccounts")
        .addObject()
        .put("bank", "Ngân hàng Không Có?")
        .put("accountNumber", "1");
    scammer.putArray("cryptoWallets").add("not a wallet");
    scammer.putArray("appPackages").add("nopackage");

    long tips = db.queryLong("SELECT count(*) FROM tip");
    long outbox = db.queryLong("SELECT count(*) FROM outbox_event");
    refuse(tip, "en")
        .body(
            "errors.collect { it.field + ' ' + it.code }",
            hasItems(
                "colour field.unknown",
                "transfers[0].shoeSize field.unknown",
                "location.provinceCode province.unknown",
                "amountLostVnd PositiveOrZero",
                "reporter reporter.contact",
                "reporter.nationalId nationalId.invalid",
                "transfers[0].bank bank.unknown",
                "transfers[0].accountNumber account.invalid",
                "transfers[0].at time.future",
                "scammer.phones[1] phone.invalid",
                "scammer.urls[0] url.scheme",
                "scammer.urls[1] url.domain",
                "scammer.urls[2] url.shared-platform",
                "scammer.bankAccounts[0].bank bank.unknown",
                "scammer.bankAccounts[0].accountNumber account.invalid",
                "scammer.cryptoWallets[0] wallet.invalid",
                "scammer.appPackages[0] package.invalid"))
        .body("errors.size()", equalTo(17))
        .body("detail", equalTo("The request has 17 invalid field(s)"));
    assertThat(db.queryLong("SELECT count(*) FROM tip")).isEqualTo(tips);
    assertThat(db.queryLong("SELECT count(*) FROM outbox_event")).isEqualTo(outbox);
  }

  /** A social account without its network or handle was a 500 (read past its own errors). */
  @Test
  void aSocialAccountWithoutItsNetworkOrHandleIsListedNotAFailure() {
    ObjectNode tip = tip();
    ArrayNode social = tip.putObject("scammer").putArray("socialAccounts");
    social.addObject().put("handle", "abc");
    social.addObject().put("platform", "ZALO");
    social.addObject().put("platform", "ZALO").putNull("handle");

    refuse(tip, "en")
        .body(
            "errors.collect { it.field + ' ' + it.code }",
            hasItems(
                "scammer.socialAccounts[0].platform NotNull",
                "scammer.socialAccounts[1].handle NotBlank",
                "scammer.socialAccounts[2].handle NotBlank"))
        .body("errors.size()", equalTo(3));
  }

  @Test
  void aCommuneMustBelongToItsProvince() {
    ObjectNode tip = tip();
    tip.putObject("location").put("provinceCode", "01").put("communeCode", "24133");
    refuse(tip, "en")
        .body("errors[0].field", equalTo("location.communeCode"))
        .body("errors[0].code", equalTo("commune.province"))
        .body("errors[0].message", equalTo("Commune '24133' is not in province '01'"));
    tip.putObject("location").put("provinceCode", "66").put("communeCode", "99999");
    refuse(tip, "en").body("errors[0].code", equalTo("commune.unknown"));
    tip.putObject("location").put("provinceCode", "66").put("communeCode", "24133");
    accept(tip);
  }

  @Test
  void timesAreNotInTheFutureNorAbsurdlyOld() {
    ObjectNode tip = tip();
    tip.put("occurredAt", Instant.now().plus(1, ChronoUnit.HOURS).toString());
    refuse(tip, "en")
        .body("errors[0].field", equalTo("occurredAt"))
        .body("errors[0].code", equalTo("time.future"));
    tip.put("occurredAt", "2001-01-01T00:00:00Z");
    refuse(tip, "en").body("errors[0].code", equalTo("time.tooOld"));
    tip.put("occurredAt", Instant.now().minus(30, ChronoUnit.DAYS).toString());
    accept(tip);
  }

  @Test
  void amountsAreNonNegativeAndBounded() {
    ObjectNode tip = tip();
    tip.put("amountLostVnd", 1_000_000_000_001L);
    refuse(tip, "en")
        .body("errors[0].field", equalTo("amountLostVnd"))
        .body("errors[0].code", equalTo("Max"));
    tip.put("amountLostVnd", 0);
    tip.putArray("transfers")
        .addObject()
        .put("bank", "ACB")
        .put("accountNumber", "123456")
        .put("amountVnd", -5)
        .put("at", "2026-11-20T10:05:00+07:00");
    refuse(tip, "en")
        .body("errors[0].field", equalTo("transfers[0].amountVnd"))
        .body("errors[0].code", equalTo("Positive"));
    // A transfer's amount is part of it: left out (or 0) it would read as 0 dong sent and still
    // count as the transfer details that make a tip stronger.
    ObjectNode transfer = (ObjectNode) tip.get("transfers").get(0);
    transfer.put("amountVnd", 0);
    refuse(tip, "en")
        .body("errors[0].field", equalTo("transfers[0].amountVnd"))
        .body("errors[0].code", equalTo("Positive"));
    transfer.remove("amountVnd");
    refuse(tip, "en")
        .body("errors[0].field", equalTo("transfers[0].amountVnd"))
        .body("errors[0].code", equalTo("NotNull"));
    transfer.put("amountVnd", 1);
    accept(tip);
  }

  /**
   * Bytes that are not UTF-8 are refused: decoded with a replacement character, the victim's words
   * were stored changed. The character sent escaped is the sender's own and reads as it is.
   */
  @Test
  void aBodyThatIsNotUtf8IsRefusedNotStoredChanged() {
    String body = Tips.VALID.replace("\"description\": \"", "\"description\": \"BAD ");
    byte[] utf8 = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    int at = body.indexOf("BAD ");
    utf8[at] = (byte) 0xff;
    utf8[at + 1] = (byte) 0xfe;
    long before = db.queryLong("SELECT count(*) FROM tip");
    given()
        .contentType(ContentType.JSON)
        .header("Accept-Language", "en")
        .body(utf8)
        .post("/api/v1/tips")
        .then()
        .statusCode(400)
        .body("errors[0].code", equalTo("body.encoding"));
    assertThat(db.queryLong("SELECT count(*) FROM tip")).isEqualTo(before);
    // The replacement character itself, sent as UTF-8 or escaped, is the sender's text.
    for (String own : List.of("\ufffd ", "\\ufffd ")) {
      given()
          .contentType(ContentType.JSON)
          .body(body.replace("BAD ", own).getBytes(java.nio.charset.StandardCharsets.UTF_8))
          .post("/api/v1/tips")
          .then()
          .statusCode(202);
    }
  }

  /** A small body cannot make a huge answer: past 100 bad fields, one more counts the rest. */
  @Test
  void anAnswerListsAHundredBadFieldsAndCountsTheRest() {
    ObjectNode tip = tip();
    for (int i = 0; i < 300; i++) {
      tip.put("unknown" + i, 1);
    }
    refuse(tip, "en")
        .body("errors", org.hamcrest.Matchers.hasSize(101))
        .body("errors[100].code", equalTo("errors.more"))
        .body("errors[100].message", startsWith("200 more bad field(s)"));
  }

  /** A description that shows nothing (zero-width spaces) is as blank as an empty one. */
  @Test
  void aDescriptionOfInvisibleCharactersIsBlank() {
    ObjectNode tip = tip();
    tip.put("description", "\u200b\u200b\u200b");
    refuse(tip, "en")
        .body("errors[0].field", equalTo("description"))
        .body("errors[0].code", equalTo("NotBlank"));
  }

  @Test
  void textAndListSizesAreBounded() {
    ObjectNode tip = tip();
    tip.put("description", "x".repeat(5001));
    ArrayNode phones = tip.putObject("scammer").putArray("phones");
    for (int i = 0; i < 21; i++) {
      phones.add("08691234" + String.format("%02d", i));
    }
    refuse(tip, "en")
        .body(
            "errors.collect { it.field + ' ' + it.code }",
            hasItems("description Size", "scammer.phones Size"))
        .body(
            "errors.find { it.field == 'description' }.message",
            equalTo("Must hold between 0 and 5000 items or characters"));
  }

  @Test
  void aBodyOverTheLimitIsRefused() {
    ObjectNode tip = tip();
    tip.put("description", "x".repeat(200_000));
    given()
        .contentType(ContentType.JSON)
        .body(Json.write(tip))
        .post("/api/v1/tips")
        .then()
        .statusCode(413);
  }

  @Test
  void messagesAreInVietnameseOrEnglishAfterAcceptLanguage() {
    ObjectNode tip = tip();
    tip.putObject("scammer").putArray("phones").add("12345");
    refuse(tip, "vi-VN,vi;q=0.9,en;q=0.5")
        .body("title", equalTo("Yêu cầu không hợp lệ"))
        .body("detail", equalTo("Yêu cầu có 1 trường không hợp lệ"))
        .body("errors[0].message", equalTo("Số điện thoại không hợp lệ"));
    refuse(tip, "en-GB")
        .body("title", equalTo("Bad Request"))
        .body("errors[0].message", equalTo("Not a valid phone number"));
    // Languages we do not speak fall back to English.
    refuse(tip, "fr").body("errors[0].message", equalTo("Not a valid phone number"));
    // Bean-validation messages follow the caller's language too.
    tip.remove("scammer");
    tip.remove("scamType");
    refuse(tip, "vi")
        .body("errors[0].field", equalTo("scamType"))
        .body("errors[0].message", equalTo("Trường này là bắt buộc"));
  }

  @Test
  void malformedJsonAndWrongTypesAreProblems() {
    refused("{\"channel\": ", "vi")
        .contentType("application/problem+json")
        .body("errors[0].code", equalTo("json.malformed"));
    String pigeon = Tips.VALID.replace("\"MOBILE_APP\"", "\"PIGEON\"");
    refused(pigeon, "en")
        .body("errors[0].field", equalTo("channel"))
        .body("errors[0].code", equalTo("enum"))
        .body("errors[0].message", startsWith("must be one of "))
        .body("errors[0].message", containsString("MOBILE_APP"));
    refused(pigeon, "vi")
        .body("errors[0].message", startsWith("phải là một trong các giá trị "))
        .body("errors[0].message", containsString("MOBILE_APP"));
    // A whole number of dong: text, a fraction (Jackson would truncate it) or one out of range is
    // refused, and nothing is stored.
    long before = db.queryLong("SELECT count(*) FROM tip");
    for (String amount : List.of("\"many\"", "1.5", "45000000.0", "1e20", "99999999999999999999")) {
      refused(
              Tips.VALID.replace("\"amountLostVnd\": 45000000", "\"amountLostVnd\": " + amount),
              "en")
          .body("errors[0].field", equalTo("amountLostVnd"))
          .body("errors[0].code", equalTo("integer"))
          .body("errors[0].message", equalTo("must be a whole number within range"));
    }
    assertThat(db.queryLong("SELECT count(*) FROM tip")).isEqualTo(before);
    refused(Tips.VALID.replace("2026-11-20T09:30:00+07:00", "2026-11-20T09:30:00"), "vi")
        .body("errors[0].field", equalTo("occurredAt"))
        .body("errors[0].code", equalTo("instant"))
        .body("errors[0].message", containsString("2026-07-01T08:00:00Z"));
    refused(Tips.VALID.replace("\"bank\": \"970436\"", "\"bank\": 970436"), "en")
        .body("errors[0].code", equalTo("field.type"));
    refused("", "en").body("errors[0].code", equalTo("body.required"));
    // A name given twice would have its last value silently win: refused, at its path.
    refused(Tips.VALID.replace("\"MOBILE_APP\"", "\"MOBILE_APP\", \"channel\": \"WEB\""), "en")
        .body("errors[0].field", equalTo("channel"))
        .body("errors[0].code", equalTo("field.duplicate"))
        .body("errors[0].message", equalTo("The field 'channel' is given more than once"));
    refused(
            Tips.VALID.replace(
                "\"bank\": \"970436\"", "\"bank\": \"970436\", \"bank\": \"970422\""),
            "vi")
        .body("errors[0].field", equalTo("transfers[0].bank"))
        .body("errors[0].code", equalTo("field.duplicate"))
        .body("errors[0].message", equalTo("Trường 'bank' xuất hiện nhiều lần"));
    assertThat(db.queryLong("SELECT count(*) FROM tip")).isEqualTo(before);
  }

  /** The 400 answer to a tip with this body, asked in this language. */
  private static ValidatableResponse refused(String body, String language) {
    return given()
        .contentType(ContentType.JSON)
        .header("Accept-Language", language)
        .body(body)
        .post("/api/v1/tips")
        .then()
        .statusCode(400);
  }

  @Test
  void theTrackingLookupShowsNoPersonalData() {
    String code =
        given()
            .contentType(ContentType.JSON)
            .body(Tips.FULL)
            .post("/api/v1/tips")
            .then()
            .statusCode(202)
            .extract()
            .path("trackingCode");
    String tracking =
        given().get("/api/v1/tips/{code}", code).then().statusCode(200).extract().asString();
    assertThat(tracking)
        .doesNotContain(
            "Hoa", "912345678", "hoa.nguyen", "066190001234", "NGUYEN VAN B", "0011", "869123456");
    Map<String, Object> body =
        Json.events()
            .convertValue(
                given().get("/api/v1/tips/{code}", code).then().extract().as(Map.class), Map.class);
    assertThat(body.keySet())
        .containsExactlyInAnyOrder("trackingCode", "status", "receivedAt", "updatedAt", "history");
  }

  private static ObjectNode tip() {
    try {
      ObjectNode tip = (ObjectNode) Json.events().readTree(Tips.VALID);
      tip.remove("transfers");
      tip.remove("scammer");
      return tip;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String accept(ObjectNode tip) {
    return given()
        .contentType(ContentType.JSON)
        .body(Json.write(tip))
        .post("/api/v1/tips")
        .then()
        .statusCode(202)
        .extract()
        .path("tipId");
  }

  private static ValidatableResponse refuse(ObjectNode tip, String language) {
    return given()
        .contentType(ContentType.JSON)
        .header("Accept-Language", language)
        .body(Json.write(tip))
        .post("/api/v1/tips")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("validation"));
  }
}
