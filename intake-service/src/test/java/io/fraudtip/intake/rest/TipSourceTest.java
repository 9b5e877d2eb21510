package io.fraudtip.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.contracts.tips.TipSourceV1;
import io.fraudtip.intake.Tips;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.testsupport.CloudEventRecords;
import io.fraudtip.testsupport.InjectKafka;
import io.fraudtip.testsupport.InjectTokens;
import io.fraudtip.testsupport.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** SPEC §10: each tip carries its source as keys, and no personal data. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class TipSourceTest {
  @InjectKafka KafkaCompanion kafka;
  @InjectTokens Tokens tokens;

  private static final String REPORTED =
      Tips.VALID.replace(
          "\"channel\": \"MOBILE_APP\",",
          "\"channel\": \"MOBILE_APP\", \"reporter\": {\"name\": \"Lê Văn Tư\","
              + " \"phone\": \"0912 345 678\", \"email\": \"tu.le@example.vn\"},");

  @Test
  void twoAnonymousTipsFromOneAddressShareTheAddressKeyAndAreNotVerified() throws Exception {
    ConsumerRecord<String, String> first = published(given(), Tips.VALID);
    ConsumerRecord<String, String> second = published(given(), Tips.VALID);
    TipSourceV1 a = Json.events().readValue(first.value(), TipReceivedV1.class).source();
    TipSourceV1 b = Json.events().readValue(second.value(), TipReceivedV1.class).source();
    assertThat(a.address()).isNotBlank().isEqualTo(b.address());
    assertThat(a.reporter()).isNull();
    assertThat(a.client()).isNull();
    assertThat(a.verified()).isFalse();
    // The key is not the address itself.
    assertThat(first.value()).doesNotContain("127.0.0.1").doesNotContain("\"::1\"");
  }

  @Test
  void aClaimedReporterGivesAReporterKeyButNotVerifiedAndNoPersonalDataInTheEvent()
      throws Exception {
    ConsumerRecord<String, String> record = published(given(), REPORTED);
    TipSourceV1 source = Json.events().readValue(record.value(), TipReceivedV1.class).source();
    assertThat(source.reporter()).matches("[0-9a-f]{32}");
    assertThat(source.verified()).isFalse();
    assertThat(record.value())
        .doesNotContain("912345678")
        .doesNotContain("tu.le@example.vn")
        .doesNotContain("Lê Văn Tư");
  }

  @Test
  void aReporterClientTokenNamingTheReporterMakesTheTipVerifiedAndTheClientKnown()
      throws Exception {
    String token = tokens.reporterClient("national-app");
    TipSourceV1 verified = sourceOf(given().auth().oauth2(token), REPORTED);
    assertThat(verified.verified()).isTrue();
    assertThat(verified.client()).matches("[0-9a-f]{32}");
    assertThat(verified.reporter()).isNotNull();

    // Without a named reporter there is nobody to vouch for.
    TipSourceV1 anonymous = sourceOf(given().auth().oauth2(token), Tips.VALID);
    assertThat(anonymous.verified()).isFalse();
    assertThat(anonymous.client()).isEqualTo(verified.client());

    // An operator's token is a client, not a verifier.
    TipSourceV1 operator = sourceOf(given().auth().oauth2(tokens.operator("chatbot-9")), REPORTED);
    assertThat(operator.verified()).isFalse();
    assertThat(operator.client()).isNotEqualTo(verified.client());
  }

  /**
   * A unit's tips naming no reporter are one reporter's, whichever officer sends them: three such
   * tips must not count as three independent verified sources (they made an identifier HIGH).
   */
  @Test
  void aUnitsOwnTipsAreOneReporterWhicheverOfficerSendsThem() throws Exception {
    TipSourceV1 first = sourceOf(given().auth().oauth2(tokens.police("PA05-66")), Tips.VALID);
    TipSourceV1 second = sourceOf(given().auth().oauth2(tokens.police("PA05-66")), Tips.VALID);
    TipSourceV1 otherUnit = sourceOf(given().auth().oauth2(tokens.police("PA05-79")), Tips.VALID);
    assertThat(first.verified()).isTrue();
    assertThat(first.reporter()).isNotNull().isEqualTo(second.reporter());
    assertThat(otherUnit.reporter()).isNotNull().isNotEqualTo(first.reporter());
  }

  /** The source on the tips.v1 event of a tip the request sends. */
  private TipSourceV1 sourceOf(RequestSpecification request, String body) throws Exception {
    return Json.events().readValue(published(request, body).value(), TipReceivedV1.class).source();
  }

  private ConsumerRecord<String, String> published(RequestSpecification request, String body) {
    String tipId =
        request
            .contentType(ContentType.JSON)
            .body(body)
            .post("/api/v1/tips")
            .then()
            .statusCode(202)
            .extract()
            .path("tipId");
    return CloudEventRecords.awaitFirst(
        kafka, Topics.TIPS_V1, r -> tipId.equals(r.key()), Duration.ofSeconds(20));
  }
}
