package io.fraudtip.cases.messaging;

import static io.fraudtip.cases.TestTips.tip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fraudtip.cases.TestTips;
import io.fraudtip.contracts.CloudEvents;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.testsupport.CloudEventRecords;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectKafka;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class TipsDeadLetterTest {
  @InjectKafka KafkaCompanion kafka;
  @InjectDatabase TestDatabase db;

  @Test
  void aPoisonRecordLandsOnTheDeadLetterTopicAndTheNextGoodOneIsProcessed() {
    String poisonKey = "poison-" + UUID.randomUUID();
    TipReceivedV1 good = tip().paid(TestTips.account(), 1_000_000).build();
    // Same key: same partition, so the good record really comes after the poison one.
    var poison =
        CloudEventRecords.of(
            Topics.TIPS_V1,
            poisonKey,
            UUID.randomUUID(),
            CloudEvents.TYPE_TIP_RECEIVED,
            "{not json");
    var next =
        CloudEventRecords.of(
            Topics.TIPS_V1,
            poisonKey,
            UUID.randomUUID(),
            CloudEvents.TYPE_TIP_RECEIVED,
            Json.write(good));
    kafka.produceStrings().fromRecords(poison, next).awaitCompletion(Duration.ofSeconds(10));

    var dead =
        CloudEventRecords.awaitFirst(
            kafka,
            Topics.deadLetter(Topics.TIPS_V1, "case-service"),
            r -> poisonKey.equals(r.key()),
            Duration.ofSeconds(30));
    assertThat(dead.value()).isEqualTo("{not json");
    assertThat(CloudEventRecords.header(dead, "dead-letter-reason")).isNotBlank();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                db.queryLong("SELECT count(*) FROM case_tip WHERE tip_id = ?", good.tipId()) == 1);
  }
}
