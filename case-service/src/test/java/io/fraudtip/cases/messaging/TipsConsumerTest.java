package io.fraudtip.cases.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fraudtip.contracts.CloudEvents;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.contracts.tips.Channel;
import io.fraudtip.contracts.tips.ScamType;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.contracts.tips.TrustLevel;
import io.fraudtip.testsupport.CloudEventRecords;
import io.fraudtip.testsupport.ConsumerSettings;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectKafka;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class TipsConsumerTest {
  @InjectKafka KafkaCompanion kafka;
  @Inject KafkaClientService clients;
  @InjectDatabase TestDatabase db;

  @Test
  void aTipDeliveredTwiceOpensOneCaseAndPublishesIt() throws Exception {
    UUID tipId = UUID.randomUUID();
    UUID eventId = UUID.randomUUID();
    String tip =
        Json.write(
            new TipReceivedV1(
                tipId,
                "ABCD-EFGH-JK",
                Instant.now(),
                Channel.WEB,
                TrustLevel.ANONYMOUS,
                "66",
                null,
                Instant.now().minusSeconds(3600),
                ScamType.INVESTMENT_CRYPTO,
                "Sàn đầu tư giả",
                10_000_000,
                List.of(),
                List.of()));
    var record =
        CloudEventRecords.of(
            Topics.TIPS_V1, tipId.toString(), eventId, CloudEvents.TYPE_TIP_RECEIVED, tip);
    kafka.produceStrings().fromRecords(record, record).awaitCompletion(Duration.ofSeconds(10));

    var opened =
        CloudEventRecords.awaitFirst(
            kafka,
            Topics.CASES_V1,
            r -> r.value().contains(tipId.toString()),
            Duration.ofSeconds(20));
    CaseEventV1 event = Json.events().readValue(opened.value(), CaseEventV1.class);
    assertThat(event.kind()).isEqualTo(CaseEventKind.OPENED);
    assertThat(opened.key()).isEqualTo(event.caseId().toString());

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                db.queryLong("SELECT count(*) FROM processed_event WHERE event_id = ?", eventId)
                    == 1);
    assertThat(db.queryLong("SELECT count(*) FROM case_tip WHERE tip_id = ?", tipId)).isOne();
  }

  /** Off the way from a tip to its bank, so the broker may hold a fetch for more events. */
  @Test
  void tipsAreFetchedInFullerBatches() {
    ConsumerSettings.assertBatchFetch(clients, "tips");
  }
}
