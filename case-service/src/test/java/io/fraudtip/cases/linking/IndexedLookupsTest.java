package io.fraudtip.cases.linking;

import static io.fraudtip.cases.TestTips.tip;
import static org.assertj.core.api.Assertions.assertThat;

import io.fraudtip.cases.TestTips;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.SequentialScans;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A batch of tips finds its rows by index, never by reading a table whole: such a read costs more
 * with every tip stored (the soak's statement statistics found the identifiers' lookup doing it,
 * its time per call growing minute by minute). With sequential scans priced out, PostgreSQL takes
 * one only where no index can answer ({@link SequentialScans}).
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class IndexedLookupsTest {
  /**
   * Tables a tip batch reads or writes that grow with the tips (not the small held-in-memory ones).
   */
  private static final List<String> GROWING =
      List.of("case_identifier", "case_tip", "fraud_case", "identifier_evidence");

  @Inject TipLinking cases;
  @Inject EntityManager em;

  @Test
  void aBatchOfTipsNewAndJoiningReadsNoGrowingTableWhole() {
    String known = TestTips.account();
    cases.onTips(List.of(TipEvent.of(UUID.randomUUID(), tip().paid(known, 1_000_000).build())));

    List<TipEvent> batch = new ArrayList<>();
    batch.add(TipEvent.of(UUID.randomUUID(), tip().paid(known, 2_000_000).build()));
    for (int i = 0; i < 5; i++) {
      batch.add(
          TipEvent.of(
              UUID.randomUUID(),
              tip().paid(TestTips.account(), 500_000).phone(TestTips.phone()).build()));
    }

    Map<String, Long> scans = SequentialScans.during(em, GROWING, () -> cases.onTips(batch));

    assertThat(scans).hasSize(GROWING.size()).allSatisfy((table, n) -> assertThat(n).isZero());
  }
}
