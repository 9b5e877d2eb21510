package io.fraudtip.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fraudtip.contracts.Topics;
import io.fraudtip.intake.Tips;
import io.fraudtip.testsupport.CloudEventRecords;
import io.fraudtip.testsupport.InjectKafka;
import io.fraudtip.testsupport.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What Prometheus scrapes from /q/metrics. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class MetricsTest {
  @InjectKafka KafkaCompanion kafka;

  // A sample line may end with an exemplar ("# {span_id=...}") when tracing is on.
  private static final Pattern ACCEPTED_BY_APP =
      Pattern.compile("(?m)^tips_accepted_total\\{[^}]*channel=\"MOBILE_APP\"[^}]*\\} (\\S+)");

  @Test
  void anAcceptedTipIsCountedByChannel() {
    double before = acceptedOnTheApp(metrics());

    given()
        .contentType(ContentType.JSON)
        .body(Tips.VALID)
        .post("/api/v1/tips")
        .then()
        .statusCode(202);

    assertThat(acceptedOnTheApp(metrics())).isEqualTo(before + 1);
  }

  @Test
  void theOutboxAndTheKafkaConsumerAreWatched() {
    given().contentType(ContentType.JSON).body(Tips.VALID).post("/api/v1/tips").then();
    // records_lag_max is a maximum over the last minute's fetches, NaN for a batched consumer that
    // was idle that long (earlier test classes may have left it so): a case event (for no tip of
    // ours, so without effect) gives it a fresh value.
    UUID caseId = UUID.randomUUID();
    kafka
        .produceStrings()
        .fromRecords(
            CloudEventRecords.of(
                Topics.CASES_V1,
                caseId.toString(),
                UUID.randomUUID(),
                "t",
                "{\"caseId\":\"" + caseId + "\",\"tipIds\":[\"" + UUID.randomUUID() + "\"]}"))
        .awaitCompletion(Duration.ofSeconds(10));
    String metrics = metrics();
    assertThat(metrics)
        .containsPattern("(?m)^outbox_backlog(\\{[^}]*\\})? \\S+")
        .containsPattern("(?m)^outbox_oldest_unsent_age_seconds(\\{[^}]*\\})? \\S+")
        .containsPattern("(?m)^outbox_publish_delay_seconds_count(\\{[^}]*\\})? \\S+");
    // Consumer lag of the cases.v1 consumer, from the Kafka client's own metrics (the
    // per-partition records_lag follows once Micrometer next looks for new client metrics).
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(metrics())
                    .containsPattern(
                        "(?m)^kafka_consumer_fetch_manager_records_lag_max\\{[^}]*"
                            + "client_id=\"kafka-consumer-cases\"[^}]*\\} \\d"));
  }

  private static String metrics() {
    return given().get("/q/metrics").then().statusCode(200).extract().asString();
  }

  private static double acceptedOnTheApp(String metrics) {
    Matcher m = ACCEPTED_BY_APP.matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }
}
