package io.fraudtip.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fraudtip.localstack.bank.DemoBank;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.notification.Webhooks;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectDemoBank;
import io.fraudtip.testsupport.InjectKafka;
import io.fraudtip.testsupport.InjectTokens;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An attempt's answer recorded late: after its delivery was over, or after another attempt took the
 * delivery over (its lease ran out and the row was claimed again, or a replay started a new round).
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class LateAnswersTest {
  private static final String BIN = "963388";

  @InjectKafka KafkaCompanion kafka;
  @InjectDatabase TestDatabase db;
  @InjectTokens Tokens tokens;
  @InjectDemoBank DemoBank bank;
  @Inject DeliveryOutcomes outcomes;

  @Test
  void aLateFailureIsLoggedButDoesNotReopenADeliveryTheBankHas() {
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, BIN);
    UUID tipId = Webhooks.tip(kafka, BIN, "7710000043");
    Map<String, Object> delivery = Webhooks.deliveryOf(db, tipId);
    UUID deliveryId = (UUID) delivery.get("id");
    Webhooks.awaitState(db, deliveryId, "SUCCEEDED", Duration.ofSeconds(20));
    Map<String, Object> before = row(deliveryId);

    late(deliveryId, endpoint, null, "Read timed out");

    Map<String, Object> after = row(deliveryId);
    assertThat(after.get("state")).isEqualTo("SUCCEEDED");
    assertThat(after.get("next_attempt_at")).isNull();
    assertThat(after.get("completed_at")).isEqualTo(before.get("completed_at"));
    assertThat(after.get("last_status")).isEqualTo(200);
    assertThat(after.get("last_error")).isNull();
    assertThat(
            db.query(
                "SELECT outcome, error FROM delivery_attempt WHERE delivery_id = ? ORDER BY id",
                deliveryId))
        .extracting(a -> a.get("outcome") + " " + a.get("error"))
        .containsExactly("SUCCESS null", "FAILED Read timed out");

    // Nor does it say anything of the endpoint now: no failure clock.
    assertThat(
            db.query("SELECT failing_since FROM bank_endpoint WHERE id = ?::uuid", endpoint.id())
                .get(0))
        .containsEntry("failing_since", null);
    // A 410, late or not, is the bank's word that the endpoint is gone now.
    late(deliveryId, endpoint, 410, null);
    assertThat(row(deliveryId).get("state")).isEqualTo("SUCCEEDED");
    assertThat(
            db.query(
                    "SELECT active, disabled_reason FROM bank_endpoint WHERE id = ?::uuid",
                    endpoint.id())
                .get(0))
        .containsEntry("active", false)
        .containsEntry("disabled_reason", "GONE");
    Webhooks.retire(db, endpoint);
  }

  @Test
  void aStaleAttemptsFailureNeitherCountsInNorReschedulesTheRoundAnotherAttemptHolds() {
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, BIN);
    endpoint.receiver().neverAnswer();
    try {
      UUID tipId = Webhooks.tip(kafka, BIN, "7710000044");
      UUID deliveryId = (UUID) Webhooks.deliveryOf(db, tipId).get("id");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> endpoint.receiver().deliveries().size() == 1);
      Map<String, Object> before = leaseOf(deliveryId);
      assertThat(before).containsEntry("leased", true).containsEntry("attempts", 0);
      int lease = (Integer) before.get("lease");

      // The answer of an attempt sent under the lease before this one (its lease ran out and the
      // row was taken again), asking for ten minutes.
      late(deliveryId, endpoint, lease - 1, 503, "600", null);

      assertThat(leaseOf(deliveryId)).isEqualTo(before);
      assertThat(
              db.query(
                  "SELECT outcome, status_code FROM delivery_attempt WHERE delivery_id = ?",
                  deliveryId))
          .extracting(a -> a.get("outcome") + " " + a.get("status_code"))
          .containsExactly("FAILED 503");
      assertThat(
              db.query("SELECT failing_since FROM bank_endpoint WHERE id = ?::uuid", endpoint.id())
                  .get(0))
          .containsEntry("failing_since", null);

      // The answer of the attempt holding the row counts: the round's first, rescheduled.
      late(deliveryId, endpoint, lease, 503, null, null);
      assertThat(leaseOf(deliveryId))
          .containsEntry("state", "PENDING")
          .containsEntry("leased", false)
          .containsEntry("attempts", 1);
    } finally {
      Webhooks.retire(db, endpoint);
    }
  }

  private Map<String, Object> leaseOf(UUID deliveryId) {
    return db.query(
            "SELECT state, lease, leased, attempts, next_attempt_at FROM delivery WHERE id = ?",
            deliveryId)
        .get(0);
  }

  /** Records the answer of an attempt made 20 s ago: a status, or an error without one. */
  private void late(UUID deliveryId, Webhooks.Endpoint endpoint, Integer status, String error) {
    late(deliveryId, endpoint, 0, status, null, error);
  }

  private void late(
      UUID deliveryId,
      Webhooks.Endpoint endpoint,
      int lease,
      Integer status,
      String retryAfter,
      String error) {
    outcomes.recordAll(
        List.of(
            new DeliveryOutcomes.Result(
                deliveryId,
                UUID.fromString(endpoint.id()),
                lease,
                Instant.now().minusSeconds(20),
                20_000,
                status,
                retryAfter,
                null,
                error)));
  }

  private Map<String, Object> row(UUID deliveryId) {
    return db.query(
            "SELECT state, next_attempt_at, completed_at, last_status, last_error FROM delivery"
                + " WHERE id = ?",
            deliveryId)
        .get(0);
  }
}
