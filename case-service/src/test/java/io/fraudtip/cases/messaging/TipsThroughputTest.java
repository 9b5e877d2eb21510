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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How long 1,000 tips on tips.v1 take to become cases. Reports the figure, asserts only the outcome
 * (no timed assert: the machine is shared). Off by default to keep the module's test run short:
 * {@code -Dfraudtip.throughput=true -Dtest=TipsThroughputTest}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "fraudtip.throughput", matches = "true")
@WithTestResource(PlatformTestResource.class)
class TipsThroughputTest {
  private static final Logger LOG = Logger.getLogger(TipsThroughputTest.class);
  private static final int TIPS = 1000;
  private static final int PER_ACCOUNT = 10;

  @InjectKafka KafkaCompanion kafka;
  @InjectDatabase TestDatabase db;

  @Test
  void aThousandTipsBecomeAHundredCases() {
    // Province 12 is used by no other test; every ten tips name one account.
    List<String> accounts = new ArrayList<>();
    for (int i = 0; i < TIPS / PER_ACCOUNT; i++) {
      accounts.add(TestTips.account());
    }
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    List<UUID> tipIds = new ArrayList<>();
    for (int i = 0; i < TIPS; i++) {
      TipReceivedV1 t =
          tip().in("12", null).paid(accounts.get(i % accounts.size()), 100_000).build();
      tipIds.add(t.tipId());
      records.add(
          CloudEventRecords.of(
              Topics.TIPS_V1,
              t.tipId().toString(),
              UUID.randomUUID(),
              CloudEvents.TYPE_TIP_RECEIVED,
              Json.write(t)));
    }
    long start = System.nanoTime();
    kafka.produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(60));
    long produced = System.nanoTime();
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> db.queryLong("SELECT count(*) FROM case_tip WHERE province_code = '12'") == TIPS);
    long done = System.nanoTime();
    double seconds = (done - start) / 1e9;
    String figure =
        String.format(
            java.util.Locale.ROOT,
            "tips.v1 throughput: %d tips into cases in %.1f s (%.0f tips/s; producing took %.1f s)",
            TIPS,
            seconds,
            TIPS / seconds,
            (produced - start) / 1e9);
    LOG.info(figure);
    System.out.println(figure);

    assertThat(
            db.queryLong(
                "SELECT count(DISTINCT t.case_id) FROM case_tip t WHERE t.province_code = '12'"))
        .isEqualTo(TIPS / PER_ACCOUNT);
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM fraud_case c WHERE c.merged_into IS NULL AND c.id IN"
                    + " (SELECT case_id FROM case_tip WHERE province_code = '12')"
                    + " AND c.victims = "
                    + PER_ACCOUNT))
        .isEqualTo(TIPS / PER_ACCOUNT);
  }
}
