package io.fraudtip.cases.freezes;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.fraudtip.cases.TestTips;
import io.fraudtip.cases.linking.TipLinking;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.testsupport.CloudEventRecords;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectKafka;
import io.fraudtip.testsupport.InjectTokens;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A hold nobody extends expires once (SPEC §10): marked EXPIRED, a timeline line, and one
 * HOLD_EXPIRED for its bank, however many runs of the job (instances) race for it.
 */
@QuarkusTest
@TestProfile(HoldExpiryTest.ShortHolds.class)
@WithTestResource(PlatformTestResource.class)
class HoldExpiryTest {
  private static final String UNIT = TestHolds.UNIT;

  /** Holds of three seconds, checked every half second. */
  public static class ShortHolds implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "fraudtip.freezes.hold-duration", "3s",
          "fraudtip.freezes.expiry-check-interval", "0.5s");
    }
  }

  @InjectTokens Tokens tokens;
  @InjectDatabase TestDatabase db;
  @InjectKafka KafkaCompanion kafka;
  @Inject TipLinking cases;
  @Inject HoldExpiry expiry;

  private long expiredEvents(UUID caseId) {
    return TestHolds.events(db, caseId, CaseEventKind.HOLD_EXPIRED);
  }

  @Test
  void aHoldPastItsExpiryExpiresOnceEvenWithTwoInstancesRacing() {
    List<TestHolds.Frozen> holds = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      holds.add(TestHolds.aFrozenAccount(cases, db, tokens));
    }
    // Two more "instances" run the job as fast as they can beside the scheduled one.
    AtomicInteger taken = new AtomicInteger();
    List<CompletableFuture<Void>> racers = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      racers.add(
          CompletableFuture.runAsync(
              () -> {
                Instant end = Instant.now().plusSeconds(8);
                while (Instant.now().isBefore(end)) {
                  taken.addAndGet(expiry.expireDue(Instant.now()));
                }
              }));
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> holds.stream().allMatch(h -> expiredEvents(h.caseId()) > 0));
    racers.forEach(CompletableFuture::join);

    for (TestHolds.Frozen h : holds) {
      assertThat(expiredEvents(h.caseId())).isEqualTo(1);
      assertThat(
              db.query("SELECT state, ended_by FROM account_freeze WHERE case_id = ?", h.caseId())
                  .get(0))
          .containsEntry("state", "EXPIRED")
          .containsEntry("ended_by", "system");
      assertThat(
              db.queryLong(
                  "SELECT count(*) FROM case_timeline WHERE case_id = ? AND kind = 'HOLD_EXPIRED'",
                  h.caseId()))
          .isEqualTo(1);
    }
    assertThat(taken.get()).isLessThanOrEqualTo(holds.size());

    TestHolds.Frozen first = holds.get(0);
    CaseEventV1 event =
        TestTips.event(
            CloudEventRecords.awaitFirst(
                    kafka,
                    Topics.CASES_V1,
                    r ->
                        r.key().equals(first.caseId().toString())
                            && r.value().contains("\"kind\":\"HOLD_EXPIRED\""),
                    Duration.ofSeconds(30))
                .value());
    assertThat(event.accounts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.accountNumber()).isEqualTo(first.account());
              assertThat(a.holdExpiresAt()).isBefore(Instant.now());
            });
    assertThat(event.authorisation().unitCode()).isEqualTo(UNIT);
    given()
        .auth()
        .oauth2(tokens.police(UNIT))
        .get("/api/v1/cases/" + first.caseId())
        .then()
        .body("freezeRequests[0].accounts[0].state", equalTo("EXPIRED"));
  }
}
