package io.fraudtip.cases.linking;

import static io.fraudtip.cases.TestTips.caseOf;
import static io.fraudtip.cases.TestTips.tip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudtip.cases.TestTips;
import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.cases.core.Retries;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A case merged or changed by another transaction while this one links is a lost race: run again,
 * never a failure of the tip (the fault suite saw a tip dead-lettered with "No rows were returned
 * from JDBC query for versioned entity FraudCase").
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class MergeRaceTest {
  @Inject TipLinking cases;
  @Inject CaseMerger merger;
  @InjectDatabase TestDatabase db;

  @Test
  void aCaseChangedBetweenItsReadAndItsLockIsARaceThatIsRunAgain() {
    // The lock statement of a linker (the case was read before, as a bank's answer does).
    assertThat(lostOnce(id -> merger.lock(List.of(id)))).contains("conflicting version");
    // A lock of the case read before: the fault suite's dead letter.
    assertThat(lostOnce(id -> FraudCase.findById(id, LockModeType.PESSIMISTIC_WRITE)))
        .contains("No rows were returned from JDBC query for versioned entity");
  }

  /**
   * Reads a case, lets another transaction change it, then locks it: the first attempt must lose
   * and the second, run by {@link Retries}, succeed. Returns the messages of the lost attempt.
   */
  private String lostOnce(Consumer<UUID> lock) {
    TipReceivedV1 t = tip().paid(TestTips.account(), 1_000_000).build();
    cases.onTip(UUID.randomUUID(), t);
    UUID id = (UUID) caseOf(db, t.tipId()).get("id");
    AtomicInteger attempts = new AtomicInteger();
    List<RuntimeException> lost = new ArrayList<>();

    Retries.onConflict(
        () -> {
          try {
            QuarkusTransaction.requiringNew()
                .run(
                    () -> {
                      assertThat(FraudCase.<FraudCase>findById(id)).isNotNull();
                      if (attempts.incrementAndGet() == 1) {
                        // Another linker commits a change of the case after this read.
                        db.update("UPDATE fraud_case SET version = version + 1 WHERE id = ?", id);
                      }
                      lock.accept(id);
                    });
          } catch (RuntimeException e) {
            lost.add(e);
            throw e;
          }
        });

    assertThat(attempts).hasValue(2);
    assertThat(lost).hasSize(1);
    return messages(lost.get(0));
  }

  @Test
  void aMergedCaseLeadsToItsSurvivorLockedBeforeItIsRead() {
    String account = TestTips.account();
    String phone = TestTips.phone();
    TipReceivedV1 a = tip().paid(account, 1_000_000).build();
    TipReceivedV1 b = tip().phone(phone).lost(1_000_000).build();
    cases.onTip(UUID.randomUUID(), a);
    cases.onTip(UUID.randomUUID(), b);
    UUID caseA = (UUID) caseOf(db, a.tipId()).get("id");
    UUID caseB = (UUID) caseOf(db, b.tipId()).get("id");
    cases.onTip(UUID.randomUUID(), tip().paid(account, 1_000_000).phone(phone).build());
    Map<String, Object> merged =
        db.query(
                "SELECT id, merged_into FROM fraud_case WHERE id IN (?, ?) AND merged_into IS NOT"
                    + " NULL",
                caseA,
                caseB)
            .get(0);
    UUID survivor = (UUID) merged.get("merged_into");

    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              assertThat(merger.lock(List.of((UUID) merged.get("id"))))
                  .extracting(c -> c.id)
                  .containsExactly(survivor);
              // Read unlocked, another linker could change it before this one writes it.
              assertThatThrownBy(
                      () ->
                          db.query(
                              "SELECT id FROM fraud_case WHERE id = ? FOR UPDATE NOWAIT", survivor))
                  .rootCause()
                  .hasMessageContaining("could not obtain lock");
            });
  }

  private static String messages(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString();
  }
}
