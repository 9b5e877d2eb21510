package io.fraudtip.cases.routing;

import static io.fraudtip.cases.TestTips.caseOf;
import static io.fraudtip.cases.TestTips.tip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fraudtip.cases.TestTips;
import io.fraudtip.cases.linking.TipLinking;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.testsupport.CloudEventRecords;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectKafka;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(DeadlinesTest.ShortDeadlines.class)
@WithTestResource(PlatformTestResource.class)
class DeadlinesTest {
  /** Acknowledgement deadlines of seconds, checked every half second. */
  public static class ShortDeadlines implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "fraudtip.cases.ack-deadline-p1", "2s",
          "fraudtip.cases.ack-deadline-p2", "2s",
          "fraudtip.cases.ack-deadline-p3", "2s",
          "fraudtip.cases.ack-deadline-p4", "2s",
          "fraudtip.cases.deadline-check-interval", "0.5s");
    }
  }

  @Inject TipLinking cases;
  @InjectDatabase TestDatabase db;
  @InjectKafka KafkaCompanion kafka;

  @Test
  void anUnacknowledgedCaseEscalatesToTheParentUnit() {
    TipReceivedV1 t = tip().in("66", "24133").paid(TestTips.account(), 2_000_000).build();
    cases.onTip(UUID.randomUUID(), t);
    UUID id = (UUID) caseOf(db, t.tipId()).get("id");
    assertThat(caseOf(db, t.tipId())).containsEntry("unit_code", "CAX-24133");

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "CAT-66".equals(caseOf(db, t.tipId()).get("unit_code")));
    assertThat(
            db.query(
                "SELECT reason FROM case_assignment WHERE case_id = ? AND unit_code = 'CAT-66'",
                id))
        .extracting(r -> r.get("reason"))
        .contains("DEADLINE");
    CaseEventV1 event =
        TestTips.event(
            CloudEventRecords.awaitFirst(
                    kafka,
                    Topics.CASES_V1,
                    r ->
                        r.key().equals(id.toString())
                            && r.value().contains("\"ESCALATED\"")
                            && r.value().contains("CAT-66"),
                    Duration.ofSeconds(20))
                .value());
    assertThat(event.unitCode()).isEqualTo("CAT-66");
    assertThat(event.tipIds()).containsExactly(t.tipId());
  }

  /**
   * A deactivated unit's tokens are refused: a case escalated to it would wait there unseen for
   * another deadline. It goes to the nearest active unit above.
   */
  @Test
  void anEscalationPassesOverADeactivatedParent() {
    TipReceivedV1 t = tip().in("66", "24133").paid(TestTips.account(), 2_000_000).build();
    cases.onTip(UUID.randomUUID(), t);
    UUID id = (UUID) caseOf(db, t.tipId()).get("id");
    String suffix = String.valueOf(Math.abs(id.hashCode() % 100_000));
    String closedDown = "PX-" + suffix;
    String commune = "CX-" + suffix;
    db.update(
        "INSERT INTO police_unit (code, name, level, parent_code, path, province_code, active)"
            + " VALUES (?, 'Closed down', 'PROVINCE', 'CAT-66', '/BCA/CAT-66/' || ? || '/', '66',"
            + " false)",
        closedDown,
        closedDown);
    db.update(
        "INSERT INTO police_unit (code, name, level, parent_code, path, province_code, active)"
            + " VALUES (?, 'Commune', 'COMMUNE', ?, '/BCA/CAT-66/' || ? || '/' || ? || '/', '66',"
            + " true)",
        commune,
        closedDown,
        closedDown,
        commune);
    db.update("UPDATE fraud_case SET unit_code = ? WHERE id = ?", commune, id);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> !commune.equals(caseOf(db, t.tipId()).get("unit_code")));
    assertThat(caseOf(db, t.tipId())).containsEntry("unit_code", "CAT-66");
  }
}
