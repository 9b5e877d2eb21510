package io.fraudtip.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.fraudtip.commons.security.ServiceSignatures;
import io.fraudtip.intake.Tips;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** case-service's signed call is the only way to a reporter's contact, checked on intake's side. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ContactDisclosureTest {
  /** The same value as {@code %test.fraudtip.intake.contact-reads.key}. */
  private static final ServiceSignatures CASE_SERVICE =
      new ServiceSignatures("dGVzdC1vbmx5LXNlcnZpY2UtY2FsbC1rZXktZm9yLWNvbnRhY3Q=", "test");

  private static final ServiceSignatures STRANGER =
      new ServiceSignatures("c29tZW9uZS1lbHNlcy1rZXktbm90LWNhc2Utc2VydmljZSE=", "test");

  @InjectDatabase TestDatabase db;

  /** A tip as submitted, then followed into a case as cases.v1 would tell intake. */
  private record Submitted(UUID tipId, String trackingCode, String caseReference) {}

  private Submitted submit(String body, String caseReference) {
    Response r =
        given()
            .contentType(ContentType.JSON)
            .body(body)
            .post("/api/v1/tips")
            .then()
            .statusCode(202)
            .extract()
            .response();
    UUID tipId = UUID.fromString(r.path("tipId"));
    if (caseReference != null) {
      db.update("UPDATE tip SET case_reference = ? WHERE id = ?", caseReference, tipId);
    }
    return new Submitted(tipId, r.path("trackingCode"), caseReference);
  }

  private static String request(UUID readId, String caseReference) {
    return "{\"readId\":\""
        + readId
        + "\",\"caseReference\":\""
        + caseReference
        + "\",\"unitCode\":\"PA05-66\",\"officer\":\"officer@PA05-66\"}";
  }

  private static Response call(ServiceSignatures keys, long timestamp, UUID tipId, String body) {
    return given()
        .contentType(ContentType.JSON)
        .header(ServiceSignatures.TIMESTAMP, Long.toString(timestamp))
        .header(ServiceSignatures.SIGNATURE, keys.sign(timestamp, body))
        .body(body)
        .post("/internal/v1/tips/" + tipId + "/contact");
  }

  private static long now() {
    return Instant.now().getEpochSecond();
  }

  @Test
  void aSignedCallForTheTipsCaseGetsTheContactOnceAndIsRecorded() {
    Submitted tip = submit(Tips.FULL, "VN-" + UUID.randomUUID().toString().substring(0, 8));
    UUID readId = UUID.randomUUID();
    String body = request(readId, tip.caseReference());

    call(CASE_SERVICE, now(), tip.tipId(), body)
        .then()
        .statusCode(200)
        .body("name", equalTo("Nguyễn Thị Hoa"))
        .body("phone", equalTo("+84912345678"))
        .body("email", equalTo("hoa.nguyen@example.vn"));
    assertThat(db.query("SELECT * FROM contact_disclosure WHERE read_id = ?", readId))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row).containsEntry("tip_id", tip.tipId());
              assertThat(row).containsEntry("case_reference", tip.caseReference());
              assertThat(row).containsEntry("unit_code", "PA05-66");
              assertThat(row).containsEntry("officer", "officer@PA05-66");
            });

    // The same read again (a replayed call) is served once only.
    call(CASE_SERVICE, now(), tip.tipId(), body).then().statusCode(409);
    // The citizen's tracking page never shows the contact.
    given()
        .get("/api/v1/tips/" + tip.trackingCode())
        .then()
        .statusCode(200)
        .body(not(containsString("Hoa")))
        .body(not(containsString("912345678")));
  }

  @Test
  void aCallNotSignedByCaseServiceOrNotFreshIsRefused() {
    Submitted tip = submit(Tips.FULL, "VN-" + UUID.randomUUID().toString().substring(0, 8));
    String body = request(UUID.randomUUID(), tip.caseReference());

    call(STRANGER, now(), tip.tipId(), body).then().statusCode(401);
    call(CASE_SERVICE, now() - 600, tip.tipId(), body).then().statusCode(401);
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/internal/v1/tips/" + tip.tipId() + "/contact")
        .then()
        .statusCode(401)
        .body(not(containsString("Hoa")));
    // A signature over another body does not carry over.
    long t = now();
    given()
        .contentType(ContentType.JSON)
        .header(ServiceSignatures.TIMESTAMP, Long.toString(t))
        .header(
            ServiceSignatures.SIGNATURE,
            CASE_SERVICE.sign(t, request(UUID.randomUUID(), "VN-OTHER")))
        .body(body)
        .post("/internal/v1/tips/" + tip.tipId() + "/contact")
        .then()
        .statusCode(401);
    assertThat(db.query("SELECT * FROM contact_disclosure WHERE tip_id = ?", tip.tipId()))
        .isEmpty();
  }

  @Test
  void aTipIsDisclosedOnlyForTheCaseIntakeSawItJoin() {
    Submitted followed = submit(Tips.FULL, "VN-" + UUID.randomUUID().toString().substring(0, 8));
    Submitted notYet = submit(Tips.FULL, null);

    call(CASE_SERVICE, now(), followed.tipId(), request(UUID.randomUUID(), "VN-SOMEOTHER"))
        .then()
        .statusCode(404);
    call(CASE_SERVICE, now(), notYet.tipId(), request(UUID.randomUUID(), "VN-ANYCASE"))
        .then()
        .statusCode(404);
    call(CASE_SERVICE, now(), UUID.randomUUID(), request(UUID.randomUUID(), "VN-ANYCASE"))
        .then()
        .statusCode(404);
  }

  @Test
  void anAnonymousTipHasNoContact() {
    Submitted tip = submit(Tips.VALID, "VN-" + UUID.randomUUID().toString().substring(0, 8));

    call(CASE_SERVICE, now(), tip.tipId(), request(UUID.randomUUID(), tip.caseReference()))
        .then()
        .statusCode(404)
        .body("type", containsString("anonymous-tip"));
  }
}
