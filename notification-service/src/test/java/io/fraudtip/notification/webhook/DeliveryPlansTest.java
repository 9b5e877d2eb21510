package io.fraudtip.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudtip.testsupport.PlatformTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The delivery recorder's statements run on their generic plans: PostgreSQL otherwise plans a
 * statement over an array of ids anew on every call (its custom plan, for the call's few ids,
 * always looks cheaper than the generic one). Counted by PostgreSQL itself, per prepared statement
 * of the connection ({@code pg_prepared_statements}), in one transaction so that every call has the
 * same connection.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class DeliveryPlansTest {
  private static final int CALLS = 12;

  @Inject DeliveryOutcomes outcomes;
  @Inject DeliveryRows rows;
  @Inject EntityManager em;

  @Test
  void aBatchOfOutcomesReusesTheLockStatementsPlan() {
    long[] plans = lockStatementPlansOver(() -> outcomes.recordAll(List.of(unknown(), unknown())));
    // The driver sends a statement's first calls unprepared: those are planned each time anyway.
    assertThat(plans[0]).as("generic plans used").isGreaterThanOrEqualTo(CALLS - 5);
    assertThat(plans[1]).as("custom plans made").isZero();
  }

  @Test
  void withoutItTheSameStatementIsPlannedAgain() {
    long[] plans =
        lockStatementPlansOver(() -> rows.lock(List.of(UUID.randomUUID(), UUID.randomUUID())));
    // PostgreSQL makes five custom plans before it weighs the generic one at all; on this small
    // test table it then takes the generic; on ./run-local's (380,000 deliveries) it never did.
    assertThat(plans[1]).as("custom plans made").isGreaterThanOrEqualTo(5);
  }

  /**
   * Generic plans used and custom plans made for the recorder's lock statement while {@code call}
   * runs {@link #CALLS} times, all in one transaction (so on one connection).
   */
  private long[] lockStatementPlansOver(Runnable call) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              long[] before = lockStatementPlans();
              for (int i = 0; i < CALLS; i++) {
                call.run();
              }
              long[] after = lockStatementPlans();
              return new long[] {after[0] - before[0], after[1] - before[1]};
            });
  }

  private static DeliveryOutcomes.Result unknown() {
    return new DeliveryOutcomes.Result(
        UUID.randomUUID(), UUID.randomUUID(), 0, Instant.now(), 5, 200, null, "", null);
  }

  /** Generic plans used and custom plans made for the recorder's lock statement, so far. */
  private long[] lockStatementPlans() {
    @SuppressWarnings("unchecked")
    List<Object[]> found =
        em.createNativeQuery(
                "SELECT generic_plans, custom_plans FROM pg_prepared_statements"
                    + " WHERE statement LIKE 'SELECT id, alert_id, event_type, created_at, state%'")
            .getResultList();
    long[] plans = new long[2];
    for (Object[] r : found) {
      plans[0] += ((Number) r[0]).longValue();
      plans[1] += ((Number) r[1]).longValue();
    }
    return plans;
  }
}
