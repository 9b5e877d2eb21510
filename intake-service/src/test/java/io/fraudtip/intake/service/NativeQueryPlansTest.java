package io.fraudtip.intake.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudtip.testsupport.PlatformTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.stat.QueryStatistics;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * A native query's plan is built once and reused. With a scalar result class each call missed
 * Hibernate's plan cache and added an entry that no later lookup could match, so lookups walked
 * ever more entries (see {@link io.fraudtip.commons.db.ScalarRows}); the idempotency-key locks run
 * once per batch of tips.
 */
@QuarkusTest
@TestProfile(NativeQueryPlansTest.WithStatistics.class)
@WithTestResource(PlatformTestResource.class)
class NativeQueryPlansTest {
  /** Hibernate's statistics count the plan cache's hits and misses. */
  public static class WithStatistics implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("quarkus.hibernate-orm.statistics", "true");
    }
  }

  @Inject IdempotencyKeys keys;
  @Inject EntityManagerFactory emf;

  @Test
  void theKeyLocksReuseOnePlan() {
    Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
    QuarkusTransaction.requiringNew()
        .run(() -> keys.lockAll(List.of(UUID.randomUUID().toString())));
    // The lock statement's own counts: the service's background work (the outbox relay's first
    // housekeeping, say) may build a plan of its own meanwhile, which the totals would count.
    String lock =
        Arrays.stream(stats.getQueries())
            .filter(q -> q.contains("pg_try_advisory_xact_lock(hashtextextended(k, 3))"))
            .findFirst()
            .orElseThrow();
    QueryStatistics plans = stats.getQueryStatistics(lock);
    long missesBefore = plans.getPlanCacheMissCount();
    long hitsBefore = plans.getPlanCacheHitCount();
    for (int i = 0; i < 20; i++) {
      QuarkusTransaction.requiringNew()
          .run(() -> keys.lockAll(List.of(UUID.randomUUID().toString())));
    }
    assertThat(plans.getPlanCacheMissCount() - missesBefore).isZero();
    assertThat(plans.getPlanCacheHitCount() - hitsBefore).isGreaterThanOrEqualTo(20);
  }
}
