package io.fraudtip.cases.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fraudtip.cases.admin.Administration;
import io.fraudtip.cases.api.Rules;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules, units and the allow-list in memory: current on the tip path, never stale for long. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class RoutingTablesTest {
  @Inject RoutingTables tables;
  @Inject Administration administration;
  @InjectDatabase TestDatabase db;

  @Test
  void aChangeOnThisInstanceCountsAtOnce() {
    warm();
    administration.createRule(localRule(false));
    try {
      assertThat(ruleIds(false)).doesNotContain("T-TABLES-LOCAL");
      administration.updateRule("T-TABLES-LOCAL", localRule(true));
      // Not the tip path's fresh(): the interval-bound read sees it too, without waiting.
      assertThat(ruleIds(false)).contains("T-TABLES-LOCAL");
    } finally {
      db.update("DELETE FROM routing_rule WHERE id = 'T-TABLES-LOCAL'");
    }
  }

  @Test
  void anotherInstancesChangeIsSeenByTheTipPathAtOnceAndByAllWithinTheInterval() {
    warm();
    // Plain SQL, as another instance's change reaches this one.
    db.update(
        "INSERT INTO routing_rule (id, position, description, target_unit)"
            + " VALUES ('T-TABLES-OTHER', 99, 'test', 'A05')");
    try {
      assertThat(ruleIds(true)).contains("T-TABLES-OTHER");
      db.update("UPDATE routing_rule SET active = false WHERE id = 'T-TABLES-OTHER'");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> !ruleIds(false).contains("T-TABLES-OTHER"));
      assertThat(ruleIds(true)).doesNotContain("T-TABLES-OTHER");
    } finally {
      db.update("DELETE FROM routing_rule WHERE id = 'T-TABLES-OTHER'");
    }
  }

  @Test
  void everyUnitAndAllowListEntryIsLoaded() {
    RoutingTables.Tables t = QuarkusTransaction.requiringNew().call(tables::fresh);
    assertThat(t.units().size()).isEqualTo(db.queryLong("SELECT count(*) FROM police_unit"));
    assertThat(t.allowListed().size())
        .isEqualTo(db.queryLong("SELECT count(*) FROM allow_listed_identifier"));
    assertThat(t.allowListed()).contains("PHONE|+84113");
    assertThat(t.unit("A05")).isPresent();
  }

  private static Rules.Request localRule(boolean active) {
    return new Rules.Request(
        "T-TABLES-LOCAL",
        99,
        "test",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        "A05",
        active);
  }

  private void warm() {
    ruleIds(true);
  }

  private List<String> ruleIds(boolean fresh) {
    return QuarkusTransaction.requiringNew()
        .call(() -> (fresh ? tables.fresh() : tables.recent()).rules())
        .stream()
        .map(r -> r.id)
        .toList();
  }
}
