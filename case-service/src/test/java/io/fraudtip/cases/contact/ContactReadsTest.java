package io.fraudtip.cases.contact;

import static io.fraudtip.cases.TestTips.caseOf;
import static io.fraudtip.cases.TestTips.tip;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import io.fraudtip.cases.TestTips;
import io.fraudtip.cases.linking.TipLinking;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectTokens;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(StubIntake.class)
class ContactReadsTest {
  @InjectTokens Tokens tokens;
  @InjectDatabase TestDatabase db;
  @Inject TipLinking cases;

  /** A tip in Đắk Lắk (66) that the stub intake knows a contact for, and its case. */
  private record Known(UUID caseId, UUID tipId, String unit) {}

  private Known aCaseWithAContact() {
    TipReceivedV1 t = tip().in("66", null).paid(TestTips.account(), 3_000_000).build();
    cases.onTip(UUID.randomUUID(), t);
    StubIntake.register(t.tipId(), "Nguyễn Thị Hoa", "+84912345678");
    Map<String, Object> c = caseOf(db, t.tipId());
    return new Known((UUID) c.get("id"), t.tipId(), (String) c.get("unit_code"));
  }

  private Response read(String unit, UUID caseId, UUID tipId, String body) {
    var request = given().auth().oauth2(tokens.police(unit)).contentType(ContentType.JSON);
    if (body != null) {
      request = request.body(body);
    }
    return request.post("/api/v1/cases/" + caseId + "/tips/" + tipId + "/contact-reads");
  }

  private List<Map<String, Object>> log(UUID caseId) {
    return db.query("SELECT * FROM contact_read WHERE case_id = ? ORDER BY read_at", caseId);
  }

  @Test
  void everyContactReadIsLoggedWithWhoWhenWhichTipAndWhy() {
    Known k = aCaseWithAContact();
    String reason = "Mời bị hại đến trụ sở làm việc, lấy lời khai";

    String readId =
        read(k.unit(), k.caseId(), k.tipId(), "{\"reason\":\"" + reason + "\"}")
            .then()
            .statusCode(200)
            .body("contact.name", equalTo("Nguyễn Thị Hoa"))
            .body("contact.phone", equalTo("+84912345678"))
            .body("tipId", equalTo(k.tipId().toString()))
            .body("reason", equalTo(reason))
            .extract()
            .path("readId");
    // A unit above the case's reads it too, and that read is logged as its own.
    read("CAT-66", k.caseId(), k.tipId(), "{\"reason\":\"Kiểm tra hồ sơ\"}").then().statusCode(200);

    List<Map<String, Object>> rows = log(k.caseId());
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0))
        .containsEntry("id", UUID.fromString(readId))
        .containsEntry("tip_id", k.tipId())
        .containsEntry("unit_code", k.unit())
        .containsEntry("subject", "officer@" + k.unit())
        .containsEntry("reason", reason)
        .containsEntry("purpose", "CONTACT_READ")
        .containsEntry("outcome", "DISCLOSED");
    assertThat(rows.get(0).get("read_at")).isNotNull();
    assertThat(rows.get(1)).containsEntry("unit_code", "CAT-66");
    // intake was asked with a signed call naming the logged read, the case and the reader.
    StubIntake.Call call =
        StubIntake.CALLS.stream()
            .filter(c -> readId.equals(c.body().get("readId")))
            .findFirst()
            .orElseThrow();
    assertThat(call.signed()).isTrue();
    assertThat(call.tipId()).isEqualTo(k.tipId());
    assertThat(call.body().get("unitCode")).isEqualTo(k.unit());
    assertThat(call.body().get("caseReference")).isEqualTo(caseOf(db, k.tipId()).get("reference"));
  }

  @Test
  void aContactReadByAnotherProvincesUnitIsNotFoundAndAsksNothing() {
    Known k = aCaseWithAContact();
    int calls = StubIntake.CALLS.size();

    read("CAT-56", k.caseId(), k.tipId(), "{\"reason\":\"Tò mò\"}")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    read("PA05-56", k.caseId(), k.tipId(), "{\"reason\":\"Tò mò\"}").then().statusCode(404);

    assertThat(log(k.caseId())).isEmpty();
    assertThat(StubIntake.CALLS).hasSize(calls);
  }

  @Test
  void aReadWithoutAReasonIsRefusedAndAsksNothing() {
    Known k = aCaseWithAContact();

    read(k.unit(), k.caseId(), k.tipId(), "{}").then().statusCode(400);
    read(k.unit(), k.caseId(), k.tipId(), "{\"reason\":\"   \"}").then().statusCode(400);
    read(k.unit(), k.caseId(), k.tipId(), "{\"reason\":null}").then().statusCode(400);
    read(k.unit(), k.caseId(), k.tipId(), null).then().statusCode(400);

    assertThat(log(k.caseId())).isEmpty();
  }

  @Test
  void aTipOfAnotherCaseIsNotFound() {
    Known k = aCaseWithAContact();
    Known other = aCaseWithAContact();

    read(k.unit(), k.caseId(), other.tipId(), "{\"reason\":\"Lấy lời khai\"}")
        .then()
        .statusCode(404);
    assertThat(log(k.caseId())).isEmpty();
  }

  @Test
  void anAnonymousTipHasNoContactAndTheAttemptIsLogged() {
    TipReceivedV1 t = tip().in("66", null).paid(TestTips.account(), 3_000_000).build();
    cases.onTip(UUID.randomUUID(), t);
    StubIntake.registerAnonymous(t.tipId());
    Map<String, Object> c = caseOf(db, t.tipId());
    UUID caseId = (UUID) c.get("id");

    read((String) c.get("unit_code"), caseId, t.tipId(), "{\"reason\":\"Lấy lời khai\"}")
        .then()
        .statusCode(404)
        .body("type", org.hamcrest.Matchers.containsString("anonymous-tip"));
    assertThat(log(caseId))
        .singleElement()
        .extracting(r -> r.get("outcome"))
        .isEqualTo("ANONYMOUS");
  }

  @Test
  void operatorsReadTheLogByCaseAndByUnitPageByPage() {
    Known k = aCaseWithAContact();
    for (String reason : List.of("Lần một", "Lần hai", "Lần ba")) {
      read(k.unit(), k.caseId(), k.tipId(), "{\"reason\":\"" + reason + "\"}")
          .then()
          .statusCode(200);
    }

    given()
        .auth()
        .oauth2(tokens.operator("ops"))
        .queryParam("caseId", k.caseId())
        .queryParam("size", 2)
        .get("/api/v1/admin/contact-reads")
        .then()
        .statusCode(200)
        .body("total", equalTo(3))
        .body("items.size()", equalTo(2))
        .body("items[0].reason", equalTo("Lần ba"))
        .body("items[0].subject", equalTo("officer@" + k.unit()))
        .body("items[0].tipId", equalTo(k.tipId().toString()))
        .body("items[0].outcome", equalTo("DISCLOSED"));
    given()
        .auth()
        .oauth2(tokens.operator("ops"))
        .queryParam("caseId", k.caseId())
        .queryParam("page", 1)
        .queryParam("size", 2)
        .get("/api/v1/admin/contact-reads")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(1))
        .body("items[0].reason", equalTo("Lần một"));
    given()
        .auth()
        .oauth2(tokens.operator("ops"))
        .queryParam("unit", k.unit())
        .queryParam("size", 200)
        .get("/api/v1/admin/contact-reads")
        .then()
        .statusCode(200)
        .body("items.unitCode", everyItem(equalTo(k.unit())));
    given()
        .auth()
        .oauth2(tokens.police(k.unit()))
        .get("/api/v1/admin/contact-reads")
        .then()
        .statusCode(403);
  }
}
