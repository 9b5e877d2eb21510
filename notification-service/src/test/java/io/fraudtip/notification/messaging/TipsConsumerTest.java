package io.fraudtip.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fraudtip.contracts.CloudEvents;
import io.fraudtip.contracts.Topics;
import io.fraudtip.notification.Tips;
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
class TipsConsumerTest {
  @InjectKafka KafkaCompanion kafka;
  @InjectDatabase TestDatabase db;

  @Test
  void everyAccountOfATipAlertsItsBankOnceEvenWhenTheTipComesTwice() {
    UUID tipId = UUID.randomUUID();
    var record =
        CloudEventRecords.of(
            Topics.TIPS_V1,
            tipId.toString(),
            UUID.randomUUID(),
            CloudEvents.TYPE_TIP_RECEIVED,
            Tips.withAccounts(tipId, "970436", "970422"));
    kafka.produceStrings().fromRecords(record, record).awaitCompletion(Duration.ofSeconds(10));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> db.queryLong("SELECT count(*) FROM alert WHERE tip_id = ?", tipId) == 2);
    assertThat(
            db.query(
                "SELECT bank_bin, account_number FROM alert WHERE tip_id = ? ORDER BY bank_bin",
                tipId))
        .extracting(r -> r.get("bank_bin") + ":" + r.get("account_number"))
        .containsExactly("970422:5566778899", "970436:1023456789");
  }
}
