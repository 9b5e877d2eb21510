package io.fraudtip.cases.routing;

import static io.fraudtip.cases.TestTips.caseOf;
import static io.fraudtip.cases.TestTips.tip;
import static org.assertj.core.api.Assertions.assertThat;

import io.fraudtip.cases.TestTips;
import io.fraudtip.cases.linking.TipLinking;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.contracts.tips.IdentifierType;
import io.fraudtip.contracts.tips.ScamType;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.testsupport.CloudEventRecords;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectKafka;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class RoutingTest {
  @Inject TipLinking cases;
  @InjectDatabase TestDatabase db;
  @InjectKafka KafkaCompanion kafka;

  @Test
  void aSmallLocalLossGoesToTheCommunePolice() {
    TipReceivedV1 t = tip().in("66", "24133").paid(TestTips.account(), 3_000_000).build();
    cases.onTip(UUID.randomUUID(), t);
    assertRouted(t, "CAX-24133", "R-SMALL-LOCAL");
  }

  @Test
  void aLargeLossGoesToTheProvincialCyberDivision() {
    TipReceivedV1 t = tip().in("66", "24133").paid(TestTips.account(), 150_000_000).build();
    cases.onTip(UUID.randomUUID(), t);
    assertRouted(t, "PA05-66", "R-LARGE-LOSS");
  }

  @Test
  void aForeignNumberOrACryptoWalletGoesWhereTheSeedSays() {
    TipReceivedV1 foreign =
        tip().in("56", "22366").foreignPhone("+8562055512345", "LA").lost(2_000_000).build();
    cases.onTip(UUID.randomUUID(), foreign);
    assertRouted(foreign, "PA05-56", "R-FOREIGN");

    TipReceivedV1 crypto =
        tip()
            .in("66", "24133")
            .identifier(IdentifierType.CRYPTO_WALLET, "T" + UUID.randomUUID().toString())
            .lost(2_000_000)
            .build();
    cases.onTip(UUID.randomUUID(), crypto);
    assertRouted(crypto, "PA05-66", "R-CRYPTO");
  }

  @Test
  void aCaseWithVictimsInTwoProvincesIsReroutedUpwardsAndNeverDown() {
    String account = TestTips.account();
    TipReceivedV1 first = tip().in("66", "24133").paid(account, 2_000_000).build();
    cases.onTip(UUID.randomUUID(), first);
    assertRouted(first, "CAX-24133", "R-SMALL-LOCAL");

    TipReceivedV1 second = tip().in("56", "22366").paid(account, 2_000_000).build();
    cases.onTip(UUID.randomUUID(), second);
    Map<String, Object> c = caseOf(db, second.tipId());
    assertThat(c).containsEntry("unit_code", "A05").containsEntry("rule_id", "R-MULTI-PROVINCE");
    assertThat(
            db.query(
                "SELECT unit_code, rule_id, reason FROM case_assignment WHERE case_id = ? ORDER BY id",
                c.get("id")))
        .extracting(r -> r.get("unit_code") + "/" + r.get("rule_id") + "/" + r.get("reason"))
        .containsExactly("CAX-24133/R-SMALL-LOCAL/ROUTED", "A05/R-MULTI-PROVINCE/REROUTED_UP");
    var escalated =
        CloudEventRecords.awaitFirst(
            kafka,
            Topics.CASES_V1,
            r -> r.key().equals(c.get("id").toString()) && r.value().contains("\"ESCALATED\""),
            Duration.ofSeconds(20));
    CaseEventV1 event = TestTips.event(escalated.value());
    assertThat(event.kind()).isEqualTo(CaseEventKind.ESCALATED);
    assertThat(event.unitCode()).isEqualTo("A05");
    assertThat(event.ruleId()).isEqualTo("R-MULTI-PROVINCE");
    assertThat(event.tipIds()).containsExactlyInAnyOrder(first.tipId(), second.tipId());

    // A third small local tip would match no higher rule: the case stays with the ministry.
    TipReceivedV1 third = tip().in("66", "24133").paid(account, 1_000).build();
    cases.onTip(UUID.randomUUID(), third);
    assertThat(caseOf(db, third.tipId())).containsEntry("unit_code", "A05");
  }

  @Test
  void oneCallerRepeatingATipDoesNotPushACaseUpButThreeIndependentVictimsDo() {
    // A rule of this test only: three victims of a romance scam in Khánh Hòa go to the ministry.
    db.update(
        "INSERT INTO routing_rule (id, position, description, scam_types, min_victims,"
            + " province_code, target_unit) VALUES ('T-THREE-VICTIMS', 5, 'test', 'ROMANCE', 3,"
            + " '56', 'A05')");
    try {
      String account = TestTips.account();
      TipReceivedV1 first = null;
      for (int i = 0; i < 5; i++) {
        TipReceivedV1 t =
            tip()
                .type(ScamType.ROMANCE)
                .in("56", "22366")
                .paid(account, 1_000_000)
                .from("caller-" + account)
                .build();
        cases.onTip(UUID.randomUUID(), t);
        first = first == null ? t : first;
      }
      Map<String, Object> c = caseOf(db, first.tipId());
      assertThat(c)
          .containsEntry("victims", 5)
          .containsEntry("independent_sources", 1)
          .containsEntry("unit_code", "CAX-22366");
      assertThat(timeline(c.get("id"), "REROUTED_UP")).isZero();

      for (String other : List.of("second-", "third-")) {
        TipReceivedV1 t =
            tip()
                .type(ScamType.ROMANCE)
                .in("56", "22366")
                .paid(account, 1_000_000)
                .from(other + account)
                .build();
        cases.onTip(UUID.randomUUID(), t);
      }
      c = caseOf(db, first.tipId());
      assertThat(c)
          .containsEntry("independent_sources", 3)
          .containsEntry("unit_code", "A05")
          .containsEntry("rule_id", "T-THREE-VICTIMS");
      assertThat(timeline(c.get("id"), "REROUTED_UP")).isOne();
      String caseId = c.get("id").toString();
      CloudEventRecords.awaitFirst(
          kafka,
          Topics.CASES_V1,
          r ->
              r.key().equals(caseId)
                  && r.value().contains("\"ESCALATED\"")
                  && r.value().contains("T-THREE-VICTIMS"),
          Duration.ofSeconds(20));
    } finally {
      db.update("DELETE FROM routing_rule WHERE id = 'T-THREE-VICTIMS'");
    }
  }

  private long timeline(Object caseId, String kind) {
    return db.queryLong(
        "SELECT count(*) FROM case_timeline WHERE case_id = ? AND kind = ?", caseId, kind);
  }

  private void assertRouted(TipReceivedV1 t, String unit, String rule) {
    Map<String, Object> c = caseOf(db, t.tipId());
    assertThat(c)
        .containsEntry("unit_code", unit)
        .containsEntry("rule_id", rule)
        .containsEntry("stage", "ASSIGNED");
    List<Map<String, Object>> assignments =
        db.query("SELECT unit_code, rule_id FROM case_assignment WHERE case_id = ?", c.get("id"));
    assertThat(assignments).hasSize(1);
    assertThat(assignments.get(0)).containsEntry("unit_code", unit).containsEntry("rule_id", rule);
    var assigned =
        CloudEventRecords.awaitFirst(
            kafka,
            Topics.CASES_V1,
            r -> r.key().equals(c.get("id").toString()) && r.value().contains("\"ASSIGNED\""),
            Duration.ofSeconds(20));
    CaseEventV1 event = TestTips.event(assigned.value());
    // A new case is announced once, routed already: no separate ASSIGNED follows its OPENED.
    assertThat(event.kind()).isEqualTo(CaseEventKind.OPENED);
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM outbox_event WHERE topic = ? AND record_key = ?",
                Topics.CASES_V1,
                c.get("id").toString()))
        .isEqualTo(1);
    assertThat(event.unitCode()).isEqualTo(unit);
    assertThat(event.ruleId()).isEqualTo(rule);
    assertThat(event.tipIds()).contains(t.tipId());
  }
}
