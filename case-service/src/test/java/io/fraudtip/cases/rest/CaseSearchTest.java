package io.fraudtip.cases.rest;

import static io.fraudtip.cases.TestTips.caseOf;
import static io.fraudtip.cases.TestTips.tip;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.fraudtip.cases.TestTips;
import io.fraudtip.cases.linking.TipLinking;
import io.fraudtip.commons.identifiers.TrackingCodeFormat;
import io.fraudtip.contracts.tips.ScamType;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectTokens;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The police search: find a case by what is in hand, only ever in the unit's tree. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CaseSearchTest {
  @InjectTokens Tokens tokens;
  @InjectDatabase TestDatabase db;
  @Inject TipLinking cases;

  private Map<String, Object> link(TipReceivedV1 t) {
    cases.onTip(UUID.randomUUID(), t);
    return caseOf(db, t.tipId());
  }

  private JsonPath search(String unit, Map<String, ?> query) {
    return given()
        .auth()
        .oauth2(tokens.police(unit))
        .queryParams(query)
        .get("/api/v1/cases")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private List<String> found(String unit, Map<String, ?> query) {
    return search(unit, query).getList("items.id");
  }

  /** Seven random digits: the part of a mobile number the 2018 conversion kept. */
  private static String sevenDigits() {
    return String.valueOf(ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
  }

  private static String trackingCode() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      s.append(
          TrackingCodeFormat.ALPHABET.charAt(
              ThreadLocalRandom.current().nextInt(TrackingCodeFormat.ALPHABET.length())));
    }
    return TrackingCodeFormat.canonical(s.toString());
  }

  /** The tip with the tracking code intake would have given it. */
  private static TipReceivedV1 withTrackingCode(TipReceivedV1 t, String code) {
    return new TipReceivedV1(
        t.tipId(),
        code,
        t.receivedAt(),
        t.channel(),
        t.trust(),
        t.provinceCode(),
        t.communeCode(),
        t.occurredAt(),
        t.scamType(),
        t.description(),
        t.amountLostVnd(),
        t.transfers(),
        t.identifiers(),
        t.source());
  }

  @Test
  void aPhoneTypedTheOldElevenDigitWayFindsTheCase() {
    String last7 = sevenDigits();
    String id =
        (String) link(tip().in("66", null).phone("+8438" + last7).build()).get("id").toString();

    String old = "0168 " + last7.substring(0, 3) + " " + last7.substring(3);
    assertThat(found("CAT-66", Map.of("identifier", old))).containsExactly(id);
    assertThat(found("CAT-66", Map.of("identifier", "+84168" + last7, "identifierType", "PHONE")))
        .containsExactly(id);
    assertThat(found("CAT-66", Map.of("identifier", "038" + last7, "identifierType", "phone")))
        .containsExactly(id);
  }

  @Test
  void anAccountIsFoundByBinByBankCodeOrAlone() {
    String account = TestTips.account();
    String id = link(tip().in("66", null).paid(account, 2_000_000).build()).get("id").toString();
    String spaced =
        account.substring(0, 3) + " " + account.substring(3, 6) + "." + account.substring(6);

    assertThat(found("CAT-66", Map.of("identifier", TestTips.VCB + ":" + account)))
        .containsExactly(id);
    assertThat(found("CAT-66", Map.of("identifier", "VCB:" + spaced))).containsExactly(id);
    assertThat(found("CAT-66", Map.of("identifier", spaced, "identifierType", "BANK_ACCOUNT")))
        .containsExactly(id);
    // At another bank it is another account.
    assertThat(found("CAT-66", Map.of("identifier", "VietinBank:" + account))).isEmpty();
  }

  @Test
  void aTipsTrackingCodeAndACaseReferenceFindTheCase() {
    String code = trackingCode();
    Map<String, Object> c =
        link(withTrackingCode(tip().in("66", null).paid(TestTips.account(), 1_000).build(), code));
    String id = c.get("id").toString();
    String reference = (String) c.get("reference");

    // As a citizen reads it over the phone: lower case, without dashes.
    assertThat(found("CAT-66", Map.of("trackingCode", code.replace("-", "").toLowerCase())))
        .containsExactly(id);
    assertThat(found("CAT-66", Map.of("reference", reference.toLowerCase()))).containsExactly(id);
    assertThat(found("CAT-66", Map.of("reference", reference.substring(3)))).containsExactly(id);
    assertThat(found("CAT-66", Map.of("trackingCode", trackingCode()))).isEmpty();
    // Filters combine: the right code with another reference finds nothing.
    assertThat(found("CAT-66", Map.of("trackingCode", code, "reference", "VN-00000000"))).isEmpty();
  }

  @Test
  void anotherProvincesCaseIsNeverFound() {
    String account = TestTips.account();
    String code = trackingCode();
    Map<String, Object> c =
        link(withTrackingCode(tip().in("56", null).paid(account, 3_000_000).build(), code));
    String id = c.get("id").toString();

    for (Map<String, String> q :
        List.of(
            Map.of("identifier", account),
            Map.of("trackingCode", code),
            Map.of("reference", (String) c.get("reference")),
            Map.of("province", "56"))) {
      JsonPath other = search("CAT-66", q);
      assertThat(other.getList("items")).as("CAT-66 searching %s", q).isEmpty();
      assertThat(other.getLong("total")).isZero();
      assertThat(found("CAT-56", q)).as("CAT-56 searching %s", q).contains(id);
    }
    given()
        .auth()
        .oauth2(tokens.police("CAT-66"))
        .get("/api/v1/cases/" + id)
        .then()
        .statusCode(404);
  }

  @Test
  void provinceScamTypeAndOpeningTimeNarrowAndPagesCountTheTotal() {
    Instant before = Instant.now().minusSeconds(1);
    String first =
        link(tip().in("56", null).type(ScamType.ROMANCE).paid(TestTips.account(), 7_000).build())
            .get("id")
            .toString();
    String second =
        link(tip().in("56", null).type(ScamType.ROMANCE).paid(TestTips.account(), 8_000).build())
            .get("id")
            .toString();
    Map<String, Object> query =
        Map.of("province", "56", "scamType", "ROMANCE", "openedFrom", before.toString(), "size", 1);

    JsonPath page0 = search("BCA", query);
    assertThat(page0.getList("items")).hasSize(1);
    assertThat(page0.getLong("total")).isEqualTo(2);
    JsonPath page1 =
        search(
            "BCA",
            Map.of(
                "province",
                "56",
                "scamType",
                "ROMANCE",
                "openedFrom",
                before.toString(),
                "size",
                1,
                "page",
                1));
    assertThat(List.of(page0.getString("items[0].id"), page1.getString("items[0].id")))
        .containsExactlyInAnyOrder(first, second);
    assertThat(
            search(
                    "BCA",
                    Map.of(
                        "province", "66", "scamType", "ROMANCE", "openedFrom", before.toString()))
                .getList("items.id"))
        .doesNotContain(first, second);
    assertThat(
            found("BCA", Map.of("scamType", "ROMANCE", "openedTo", before.toString(), "size", 200)))
        .doesNotContain(first, second);
    assertThat(found("BCA", Map.of("openedFrom", "2020-01-01", "province", "56", "size", 200)))
        .contains(first, second);
  }

  @Test
  void aBadParameterIsA400NamingIt() {
    given()
        .auth()
        .oauth2(tokens.police("CAT-66"))
        .queryParam("identifier", "12ab")
        .queryParam("identifierType", "PHONE")
        .queryParam("scamType", "NOT_A_SCAM")
        .queryParam("openedFrom", "yesterday")
        .queryParam("trackingCode", "XYZ")
        .queryParam("reference", "VN-??")
        .queryParam("province", "6")
        .get("/api/v1/cases")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("identifier"))
        .body("errors.find { it.field == 'identifier' }.code", equalTo("phone.invalid"))
        .body("errors.find { it.field == 'scamType' }.code", equalTo("scamType.unknown"))
        .body("errors.find { it.field == 'openedFrom' }.code", equalTo("time.format"))
        .body("errors.find { it.field == 'trackingCode' }.code", equalTo("trackingCode.invalid"))
        .body("errors.find { it.field == 'reference' }.code", equalTo("reference.invalid"))
        .body("errors.find { it.field == 'province' }.code", equalTo("province.invalid"));
    given()
        .auth()
        .oauth2(tokens.police("CAT-66"))
        .header("Accept-Language", "vi")
        .queryParam("identifier", "x")
        .queryParam("identifierType", "FAX")
        .get("/api/v1/cases")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("identifierType"))
        .body("errors[0].code", equalTo("identifier.type"))
        .body("errors[0].message", org.hamcrest.Matchers.startsWith("Loại định danh"));
    given()
        .auth()
        .oauth2(tokens.police("CAT-66"))
        .queryParam("openedFrom", "2026-11-02")
        .queryParam("openedTo", "2026-11-01")
        .get("/api/v1/cases")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("openedTo"))
        .body("errors[0].code", equalTo("time.range"));
    // The page's own parameters, each named.
    given()
        .auth()
        .oauth2(tokens.police("CAT-66"))
        .queryParam("size", 0)
        .queryParam("page", -1)
        .get("/api/v1/cases")
        .then()
        .statusCode(400)
        .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("page", "size"))
        .body("errors.code", org.hamcrest.Matchers.everyItem(equalTo("Min")));
    // Far beyond anything stored, or beyond what the database's times hold: nothing, not a 500.
    for (Map<String, Object> far :
        List.<Map<String, Object>>of(
            Map.of("page", 42_949_673),
            Map.of("page", Integer.MAX_VALUE, "size", 2),
            Map.of("openedFrom", "+300000-01-01T00:00:00Z"),
            Map.of("openedTo", "-5000-01-01T00:00:00Z"),
            Map.of("openedFrom", "2020-01-01", "openedTo", "+999999999-12-31"))) {
      assertThat(search("CAT-66", far).getInt("total")).as(far.toString()).isNotNegative();
    }
    assertThat(found("CAT-66", Map.of("page", 42_949_673))).isEmpty();
    assertThat(found("CAT-66", Map.of("openedFrom", "+300000-01-01T00:00:00Z"))).isEmpty();
    // A filter given twice: a proxy could read the other value than the one searched by.
    given()
        .auth()
        .oauth2(tokens.police("CAT-66"))
        .header("Accept-Language", "vi")
        .queryParam("province", "66", "56")
        .get("/api/v1/cases")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("province"))
        .body("errors[0].code", equalTo("parameter.repeated"))
        .body("errors[0].message", equalTo("Tham số 'province' xuất hiện nhiều lần"));
  }

  @Test
  void everySearchParameterIsDocumentedWithAnExample() {
    JsonPath api =
        given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
    List<Map<String, Object>> parameters = api.getList("paths.'/api/v1/cases'.get.parameters");
    for (String name :
        List.of(
            "identifier",
            "identifierType",
            "reference",
            "trackingCode",
            "province",
            "scamType",
            "openedFrom",
            "openedTo")) {
      Map<String, Object> p =
          parameters.stream()
              .filter(x -> name.equals(x.get("name")))
              .findFirst()
              .orElseThrow(() -> new AssertionError(name + " is not documented"));
      assertThat(p.get("description")).as(name).isNotNull();
      assertThat(p.get("example") != null || p.get("examples") != null).as(name).isTrue();
    }
    assertThat(api.getMap("components.schemas.Result.properties")).containsKey("matchedOn");
  }
}
