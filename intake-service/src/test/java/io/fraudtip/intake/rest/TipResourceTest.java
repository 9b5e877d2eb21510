package io.fraudtip.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.fraudtip.contracts.CloudEvents;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.intake.Tips;
import io.fraudtip.testsupport.CloudEventRecords;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectKafka;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class TipResourceTest {
  @InjectKafka KafkaCompanion kafka;
  @InjectDatabase TestDatabase db;

  @Test
  void anAcceptedTipIsStoredAndReadBackByItsTrackingCode() {
    String code =
        given()
            .contentType(ContentType.JSON)
            .body(Tips.VALID)
            .post("/api/v1/tips")
            .then()
            .statusCode(202)
            .header(
                "Location", matchesPattern(".*/api/v1/tips/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$"))
            .body("status", equalTo("RECEIVED"))
            .extract()
            .path("trackingCode");

    assertThat(db.queryLong("SELECT count(*) FROM tip WHERE tracking_code = ?", code)).isOne();
    given()
        .get("/api/v1/tips/{code}", code.toLowerCase())
        .then()
        .statusCode(200)
        .body("trackingCode", equalTo(code))
        .body("status", equalTo("RECEIVED"))
        .body("history[0].status", equalTo("RECEIVED"))
        // Reached by the secret in its URL: neither sniffed nor kept by a browser or a cache.
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-store");
    // Not a code's form (a NUL in it): a miss like any other, not a database error.
    given()
        .urlEncodingEnabled(false)
        .get("/api/v1/tips/ABCD%00EFGH")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void anAcceptedTipIsPublishedOnTipsV1AsACloudEvent() throws Exception {
    String tipId =
        given()
            .contentType(ContentType.JSON)
            .body(Tips.VALID)
            .post("/api/v1/tips")
            .then()
            .statusCode(202)
            .extract()
            .path("tipId");

    ConsumerRecord<String, String> record =
        CloudEventRecords.awaitFirst(
            kafka, Topics.TIPS_V1, r -> tipId.equals(r.key()), Duration.ofSeconds(20));
    assertThat(CloudEventRecords.header(record, CloudEvents.HEADER_TYPE))
        .isEqualTo(CloudEvents.TYPE_TIP_RECEIVED);
    assertThat(UUID.fromString(CloudEventRecords.header(record, CloudEvents.HEADER_ID)))
        .isNotNull();
    // Binary mode: the data's content type is the record's content-type header, and only there.
    assertThat(record.headers().headers(CloudEvents.HEADER_CONTENT_TYPE))
        .singleElement()
        .extracting(h -> new String(h.value(), StandardCharsets.UTF_8))
        .isEqualTo(CloudEvents.JSON);
    assertThat(record.headers().lastHeader("ce_datacontenttype")).isNull();
    TipReceivedV1 event = Json.events().readValue(record.value(), TipReceivedV1.class);
    assertThat(event.tipId()).isEqualTo(UUID.fromString(tipId));
    assertThat(event.transfers().get(0).accountNumber()).isEqualTo("001100234567");
  }

  @Test
  void anInvalidTipIsRefusedWithEveryBadFieldAndNothingIsStored() {
    long before = db.queryLong("SELECT count(*) FROM tip");
    given()
        .contentType(ContentType.JSON)
        .body("{\"channel\": \"MOBILE_APP\", \"amountLostVnd\": -1}")
        .post("/api/v1/tips")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body(
            "errors.field",
            org.hamcrest.Matchers.hasItems("amountLostVnd", "location", "scamType"));
    assertThat(db.queryLong("SELECT count(*) FROM tip")).isEqualTo(before);
  }

  @Test
  void unknownFieldsAreRefused() {
    given()
        .contentType(ContentType.JSON)
        .body(Tips.VALID.replace("\"channel\"", "\"colour\": \"red\", \"channel\""))
        .post("/api/v1/tips")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].code", equalTo("field.unknown"))
        .body("errors[0].field", equalTo("colour"));
  }
}
