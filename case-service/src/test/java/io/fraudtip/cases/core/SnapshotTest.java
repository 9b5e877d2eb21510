package io.fraudtip.cases.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudtip.commons.tx.Snapshot;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A view read in several statements sees one moment: rows another transaction commits between its
 * reads do not show in the later ones (they would without the snapshot, which the test shows too).
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class SnapshotTest {
  @Inject EntityManager em;
  @InjectDatabase TestDatabase db;

  @Test
  void readsAfterTheSnapshotBeganDoNotSeeWhatCommitsMeanwhile() {
    String consumer = "snapshot-" + UUID.randomUUID();
    assertThat(readTwiceAroundACommit(consumer, true)).containsExactly(0L, 0L);
    assertThat(db.queryLong("SELECT count(*) FROM processed_event WHERE consumer = ?", consumer))
        .isEqualTo(1);
  }

  @Test
  void withoutItEachReadSeesWhatHasCommittedByThen() {
    String consumer = "no-snapshot-" + UUID.randomUUID();
    assertThat(readTwiceAroundACommit(consumer, false)).containsExactly(0L, 1L);
  }

  /** The consumer's rows read, a row committed elsewhere, read again: in one transaction. */
  private List<Long> readTwiceAroundACommit(String consumer, boolean snapshot) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              if (snapshot) {
                Snapshot.begin(em);
              }
              long before = rows(consumer);
              commitOneElsewhere(consumer);
              return List.of(before, rows(consumer));
            });
  }

  @Test
  void beganAfterAReadItFailsRatherThanReadSkewed() {
    assertThatThrownBy(
            () ->
                QuarkusTransaction.requiringNew()
                    .run(
                        () -> {
                          rows("any");
                          Snapshot.begin(em);
                        }))
        .hasStackTraceContaining("must be called before any query");
  }

  private long rows(String consumer) {
    return ((Number)
            em.createNativeQuery("SELECT count(*) FROM processed_event WHERE consumer = ?1")
                .setParameter(1, consumer)
                .getSingleResult())
        .longValue();
  }

  /** A row committed by another connection, in a transaction of its own. */
  private void commitOneElsewhere(String consumer) {
    db.update(
        "INSERT INTO processed_event (event_id, consumer, processed_at) VALUES (?, ?, now())",
        UUID.randomUUID(),
        consumer);
  }
}
