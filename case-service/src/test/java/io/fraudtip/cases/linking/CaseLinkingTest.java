package io.fraudtip.cases.linking;

import static io.fraudtip.cases.TestTips.caseOf;
import static io.fraudtip.cases.TestTips.tip;
import static org.assertj.core.api.Assertions.assertThat;

import io.fraudtip.cases.TestTips;
import io.fraudtip.cases.core.Retries;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.testsupport.CloudEventRecords;
import io.fraudtip.testsupport.InjectDatabase;
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
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CaseLinkingTest {
  @Inject TipLinking cases;
  @InjectDatabase TestDatabase db;
  @InjectKafka KafkaCompanion kafka;
  @InjectTokens Tokens tokens;

  @Test
  void tipsNamingOneAccountMakeOneCaseWithTotalsAndAFourthMergesAnotherCase() {
    String account = TestTips.account();
    TipReceivedV1 a = tip().in("66", "24133").paid(account, 10_000_000).build();
    TipReceivedV1 b = tip().in("66", null).paid(account, 20_000_000).build();
    TipReceivedV1 c = tip().in("56", "22366").paid(account, 30_000_000).build();
    for (TipReceivedV1 t : List.of(a, b, c)) {
      cases.onTip(UUID.randomUUID(), t);
    }

    Map<String, Object> one = caseOf(db, a.tipId());
    assertThat(caseOf(db, b.tipId()).get("id")).isEqualTo(one.get("id"));
    assertThat(caseOf(db, c.tipId()).get("id")).isEqualTo(one.get("id"));
    assertThat(one.get("victims")).isEqualTo(3);
    assertThat(one.get("provinces")).isEqualTo(2);
    assertThat(one.get("total_loss_vnd")).isEqualTo(60_000_000L);
    assertThat(one.get("latest_transfer_at")).isNotNull();
    assertThat(
            db.queryLong(
                "SELECT report_count FROM case_identifier WHERE type = 'BANK_ACCOUNT' AND value = ?",
                TestTips.VCB + ":" + account))
        .isEqualTo(3);

    String phone = TestTips.phone();
    TipReceivedV1 other = tip().in("56", null).phone(phone).lost(1_000_000).build();
    cases.onTip(UUID.randomUUID(), other);
    UUID otherCase = (UUID) caseOf(db, other.tipId()).get("id");
    assertThat(otherCase).isNotEqualTo(one.get("id"));

    TipReceivedV1 linking = tip().in("66", null).paid(account, 5_000_000).phone(phone).build();
    cases.onTip(UUID.randomUUID(), linking);

    Map<String, Object> merged = caseOf(db, linking.tipId());
    UUID survivor = (UUID) merged.get("id");
    for (TipReceivedV1 t : List.of(a, b, c, other, linking)) {
      assertThat(caseOf(db, t.tipId()).get("id")).isEqualTo(survivor);
    }
    assertThat(merged.get("victims")).isEqualTo(5);
    assertThat(merged.get("total_loss_vnd")).isEqualTo(66_000_000L);
    UUID absorbed = survivor.equals(otherCase) ? (UUID) one.get("id") : otherCase;
    assertThat(db.query("SELECT stage, merged_into FROM fraud_case WHERE id = ?", absorbed).get(0))
        .containsEntry("stage", "MERGED")
        .containsEntry("merged_into", survivor);
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM case_timeline WHERE case_id = ? AND kind = 'MERGED'",
                survivor))
        .isPositive();

    var record =
        CloudEventRecords.awaitFirst(
            kafka,
            Topics.CASES_V1,
            r -> r.value().contains("\"MERGED\"") && r.key().equals(survivor.toString()),
            Duration.ofSeconds(20));
    CaseEventV1 event = TestTips.event(record.value());
    assertThat(event.kind()).isEqualTo(CaseEventKind.MERGED);
    assertThat(event.mergedCaseIds()).containsExactly(absorbed);
    assertThat(event.tipIds())
        .containsExactlyInAnyOrder(a.tipId(), b.tipId(), c.tipId(), other.tipId(), linking.tipId());
  }

  /**
   * Two victims scammed through two different Facebook pages: two cases, and a third page is not
   * listed. A page on a shared platform is its own identifier (intake stores no domain beside it),
   * or every tip naming a Facebook page would join one case and list all of Facebook.
   */
  @Test
  void tipsNamingTwoPagesOfASharedPlatformAreTwoCasesAndThePlatformIsNotListed() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    TipReceivedV1 first = pageTip("https://www.facebook.com/dautu.vang." + run);
    TipReceivedV1 second = pageTip("https://www.facebook.com/profile.php?id=" + run.hashCode());
    cases.onTip(UUID.randomUUID(), first);
    cases.onTip(UUID.randomUUID(), second);

    assertThat(caseOf(db, first.tipId()).get("id"))
        .isNotEqualTo(caseOf(db, second.tipId()).get("id"));
    assertThat(
            io.restassured.RestAssured.given()
                .queryParam("type", "URL")
                .queryParam("value", "https://www.facebook.com/VTV24")
                .get("/api/v1/watchlist/check")
                .then()
                .statusCode(200)
                .extract()
                .<Boolean>path("listed"))
        .isFalse();
  }

  /** A tip naming a page as intake stores it. */
  private static TipReceivedV1 pageTip(String url) {
    return tip().paid(TestTips.account(), 1_000_000).site(url).build();
  }

  @Test
  void aTipNamingAConfirmedCaseAndAnOpenOneJoinsTheOpenOneAndLeavesTheClosedOneAsItIs() {
    String account = TestTips.account();
    TipReceivedV1 first = tip().paid(account, 10_000_000).build();
    cases.onTip(UUID.randomUUID(), first);
    UUID closed = (UUID) caseOf(db, first.tipId()).get("id");
    TestTips.close(tokens, closed, "PA05-66", "CONFIRMED");
    String phone = TestTips.phone();
    TipReceivedV1 other = tip().in("56", null).phone(phone).lost(1_000_000).build();
    cases.onTip(UUID.randomUUID(), other);
    UUID open = (UUID) caseOf(db, other.tipId()).get("id");

    // An anonymous tip naming both: it must not pull the confirmed case into another unit's.
    TipReceivedV1 both = tip().in("56", null).paid(account, 5_000_000).phone(phone).build();
    cases.onTip(UUID.randomUUID(), both);

    assertThat(caseOf(db, both.tipId()).get("id")).isEqualTo(open);
    assertThat(caseOf(db, first.tipId()).get("id")).isEqualTo(closed);
    assertThat(db.query("SELECT * FROM fraud_case WHERE id = ?", closed).get(0))
        .containsEntry("stage", "CLOSED")
        .containsEntry("closure", "CONFIRMED")
        .containsEntry("merged_into", null);
    // The account stays with its case and counts the tip.
    assertThat(
            db.query(
                    "SELECT case_id, report_count FROM case_identifier WHERE type = 'BANK_ACCOUNT'"
                        + " AND value = ? AND retired_at IS NULL",
                    TestTips.VCB + ":" + account)
                .get(0))
        .containsEntry("case_id", closed)
        .containsEntry("report_count", 2);
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM case_timeline WHERE case_id = ? AND kind = 'REFERS_TO'",
                open))
        .isEqualTo(1);
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM case_timeline WHERE case_id = ? AND kind = 'NOTE'"
                    + " AND detail LIKE '%' || ? || '%'",
                closed, both.tipId().toString()))
        .isEqualTo(1);
  }

  @Test
  void anAllowListedNumberLinksNothingAndIsNeverListed() {
    TipReceivedV1 a = tip().phone("+84113").paid(TestTips.account(), 1_000_000).build();
    TipReceivedV1 b = tip().phone("+84113").paid(TestTips.account(), 1_000_000).build();
    TipReceivedV1 c =
        tip()
            .identifier(
                io.fraudtip.contracts.tips.IdentifierType.URL,
                "https://ebanking.vietcombank.com.vn/login")
            .build();
    cases.onTip(UUID.randomUUID(), a);
    cases.onTip(UUID.randomUUID(), b);
    cases.onTip(UUID.randomUUID(), c);

    assertThat(caseOf(db, a.tipId()).get("id")).isNotEqualTo(caseOf(db, b.tipId()).get("id"));
    assertThat(db.queryLong("SELECT count(*) FROM case_identifier WHERE value = '+84113'"))
        .isZero();
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM case_identifier WHERE value LIKE '%vietcombank.com.vn%'"))
        .isZero();
  }

  @Test
  void twoTipsForOneIdentifierConsumedAtOnceMakeOneCase() throws Exception {
    for (int round = 0; round < 3; round++) {
      String account = TestTips.account();
      TipReceivedV1 a = tip().paid(account, 1_000_000).build();
      TipReceivedV1 b = tip().paid(account, 2_000_000).build();
      CyclicBarrier start = new CyclicBarrier(2);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Future<?> fa =
            pool.submit(
                () -> {
                  start.await();
                  Retries.onConflict(() -> cases.onTip(UUID.randomUUID(), a));
                  return null;
                });
        Future<?> fb =
            pool.submit(
                () -> {
                  start.await();
                  Retries.onConflict(() -> cases.onTip(UUID.randomUUID(), b));
                  return null;
                });
        fa.get();
        fb.get();
      } finally {
        pool.shutdown();
      }
      assertThat(caseOf(db, a.tipId()).get("id")).isEqualTo(caseOf(db, b.tipId()).get("id"));
      assertThat(
              db.queryLong(
                  "SELECT count(*) FROM case_identifier WHERE value = ?",
                  TestTips.VCB + ":" + account))
          .isOne();
    }
  }

  @Test
  void theSameTipTwiceStaysOneTipInOneCase() {
    TipReceivedV1 t = tip().paid(TestTips.account(), 1_000_000).build();
    cases.onTip(UUID.randomUUID(), t);
    cases.onTip(UUID.randomUUID(), t);
    assertThat(db.queryLong("SELECT count(*) FROM case_tip WHERE tip_id = ?", t.tipId())).isOne();
    assertThat(caseOf(db, t.tipId()).get("victims")).isEqualTo(1);
  }

  @Test
  void largeRecentLossesComeBeforeSmallOldOnes() {
    TipReceivedV1 urgent =
        tip().paid(TestTips.account(), 600_000_000, Instant.now().minusSeconds(60)).build();
    TipReceivedV1 old =
        tip().paid(TestTips.account(), 1_000_000, Instant.now().minus(Duration.ofDays(30))).build();
    cases.onTip(UUID.randomUUID(), urgent);
    cases.onTip(UUID.randomUUID(), old);
    assertThat(caseOf(db, urgent.tipId()).get("priority")).isEqualTo(1);
    assertThat(caseOf(db, old.tipId()).get("priority")).isEqualTo(4);
  }
}
