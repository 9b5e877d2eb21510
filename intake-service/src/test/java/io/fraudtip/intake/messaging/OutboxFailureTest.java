package io.fraudtip.intake.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fraudtip.contracts.Topics;
import io.fraudtip.intake.Tips;
import io.fraudtip.intake.TopicReader;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.fraudtip.testsupport.TestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Nothing accepted is lost: tips accepted while the broker is down reach tips.v1 after it. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class OutboxFailureTest {
  private static final int TIPS = 25;

  @InjectDatabase TestDatabase db;

  @Test
  void tipsAcceptedWhileKafkaIsDownAreAllPublishedOnceItIsBack() {
    TestInfrastructure infra = TestInfrastructure.get();
    List<String> tipIds = new ArrayList<>();
    infra.stopKafka();
    try {
      for (int i = 0; i < TIPS; i++) {
        tipIds.add(
            given()
                .contentType(ContentType.JSON)
                .body(Tips.VALID)
                .post("/api/v1/tips")
                .then()
                .statusCode(202)
                .extract()
                .path("tipId"));
      }
      // They wait in the outbox.
      assertThat(unsent(tipIds)).isEqualTo(TIPS);
    } finally {
      infra.restartKafka();
    }

    Set<String> wanted = new HashSet<>(tipIds);
    var records =
        TopicReader.read(
            Topics.TIPS_V1,
            r -> wanted.contains(r.key()),
            TIPS,
            Duration.ofSeconds(90),
            Duration.ofSeconds(1));
    assertThat(records.stream().map(r -> r.key()).distinct())
        .containsExactlyInAnyOrderElementsOf(tipIds);
    await().atMost(Duration.ofSeconds(10)).until(() -> unsent(tipIds) == 0);
  }

  private long unsent(List<String> tipIds) {
    return db.queryLong(
        "SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND record_key = ANY(?)",
        (Object) tipIds.toArray(new String[0]));
  }
}
