package io.fraudtip.cases.casework;

import static io.fraudtip.cases.TestTips.tip;
import static io.fraudtip.cases.casework.CaseWorkCalls.etag;
import static io.fraudtip.cases.casework.CaseWorkCalls.phone;
import static io.fraudtip.cases.casework.CaseWorkCalls.post;
import static io.fraudtip.cases.casework.CaseWorkCalls.split;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.fraudtip.cases.TestTips;
import io.fraudtip.cases.linking.TipLinking;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectTokens;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The limits of a unit's work by hand: two changes racing on one case end in one change and a 412;
 * an identifier held by a case outside the unit's tree never pulls that case in; the unit's entries
 * are evidence on identifiers, not sources of the case.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CaseWorkLimitsTest {
  private static final String UNIT = "PA05-66";

  @InjectTokens Tokens tokens;
  @InjectDatabase TestDatabase db;
  @Inject TipLinking cases;

  @Test
  void twoSplitsSentWithOneETagEndInOneSplitAndA412() throws Exception {
    String phone = TestTips.phone();
    TipReceivedV1 t1 = tip().phone(phone).paid(TestTips.account(), 30_000_000).build();
    TipReceivedV1 t2 = tip().phone(phone).paid(TestTips.account(), 20_000_000).build();
    TipReceivedV1 t3 = tip().phone(phone).paid(TestTips.account(), 10_000_000).build();
    UUID id = caseOf(t1);
    cases.onTip(UUID.randomUUID(), t2);
    cases.onTip(UUID.randomUUID(), t3);
    String etag = etag(tokens, UNIT, id);

    List<Response> answers;
    ExecutorService officers = Executors.newFixedThreadPool(2);
    try (Connection hold = DriverManager.getConnection(db.url(), "postgres", "postgres")) {
      // Both splits read the case and pass the If-Match check, then wait for its row: the two
      // officers' clicks meet inside the change, not before it.
      hold.setAutoCommit(false);
      try (PreparedStatement lock =
          hold.prepareStatement("SELECT id FROM fraud_case WHERE id = ? FOR UPDATE")) {
        lock.setObject(1, id);
        lock.executeQuery().close();
      }
      long waitingBefore = waitingLocks();
      List<CompletableFuture<Response>> splits =
          List.of(t2, t3).stream()
              .map(
                  t ->
                      CompletableFuture.supplyAsync(
                          () ->
                              post(
                                  tokens,
                                  UNIT,
                                  id,
                                  "split",
                                  etag,
                                  split(List.of(t.tipId()), "Nhóm khác")),
                          officers))
              .toList();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  waitingLocks() >= waitingBefore + 2 || splits.stream().anyMatch(f -> f.isDone()));
      hold.commit();
      answers = splits.stream().map(CompletableFuture::join).toList();
    } finally {
      officers.shutdownNow();
    }

    assertThat(answers)
        .extracting(Response::statusCode)
        .as("answers: %s", answers.stream().map(Response::asString).toList())
        .containsExactlyInAnyOrder(200, 412);
    Response lost = answers.stream().filter(r -> r.statusCode() == 412).findFirst().orElseThrow();
    assertThat(lost.jsonPath().getString("type")).isEqualTo("stale-version");
    // One split, not two: the case kept two of its three tips.
    assertThat(db.queryLong("SELECT count(*) FROM case_tip WHERE case_id = ?", id)).isEqualTo(2);
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM case_timeline WHERE case_id = ? AND kind = 'SPLIT'", id))
        .isOne();
  }

  @Test
  void anIdentifierACaseOutsideTheUnitsTreeHoldsIsRefusedAndMergesNothing() {
    UUID mine = caseOf(tip().paid(TestTips.account(), 30_000_000).build());
    String phone = TestTips.phone();
    UUID theirs =
        caseOf(tip().in("56", null).phone(phone).paid(TestTips.account(), 30_000_000).build());
    Map<String, Object> before =
        db.query("SELECT reference, stage, version FROM fraud_case WHERE id = ?", theirs).get(0);
    String mineEtag = etag(tokens, UNIT, mine);

    Response refused =
        post(tokens, UNIT, mine, "identifiers", mineEtag, phone(phone, "Số gọi cho bị hại"));
    refused.then().statusCode(409).body("type", equalTo("identifier-outside-scope"));
    // Says that such a case exists, not which.
    assertThat(refused.jsonPath().getString("detail"))
        .contains(phone)
        .contains("outside your unit's tree")
        .doesNotContain(String.valueOf(before.get("reference")))
        .doesNotContain(theirs.toString());

    assertThat(db.query("SELECT reference, stage, version FROM fraud_case WHERE id = ?", theirs))
        .containsExactly(before);
    assertThat(
            db.query(
                "SELECT case_id, report_count FROM case_identifier WHERE type = 'PHONE' AND"
                    + " value = ?",
                phone))
        .containsExactly(Map.of("case_id", theirs, "report_count", 1));
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM identifier_evidence WHERE type = 'PHONE' AND value = ?"
                    + " AND reporter_key LIKE 'police:%'",
                phone))
        .isZero();
    assertThat(etag(tokens, UNIT, mine)).isEqualTo(mineEtag);

    // The ministry, above both provinces, may: the cases merge as for a tip.
    post(tokens, "BCA", mine, "identifiers", etag(tokens, "BCA", mine), phone(phone, "Cùng số"))
        .then()
        .statusCode(200);
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM fraud_case WHERE id IN (?, ?) AND stage = 'MERGED'",
                mine,
                theirs))
        .isOne();
  }

  @Test
  void aUnitsEntriesAreNotSourcesOfTheCase() {
    // Two tips from one address within the window: two victims' reports, one source.
    String phone = TestTips.phone();
    String address = "address-" + UUID.randomUUID();
    UUID id = caseOf(tip().phone(phone).paid(TestTips.account(), 10_000_000).from(address).build());
    cases.onTip(
        UUID.randomUUID(),
        tip().phone(phone).paid(TestTips.account(), 10_000_000).from(address).build());
    assertThat(sources(id)).containsEntry("victims", 2).containsEntry("independent_sources", 1);

    for (String found : List.of(TestTips.phone(), TestTips.phone())) {
      post(
              tokens,
              UNIT,
              id,
              "identifiers",
              etag(tokens, UNIT, id),
              phone(found, "Số trong bản ghi cuộc gọi"))
          .then()
          .statusCode(200)
          .body("victims", equalTo(2))
          .body("independentSources", equalTo(1));
    }
    assertThat(sources(id)).containsEntry("victims", 2).containsEntry("independent_sources", 1);
  }

  private UUID caseOf(TipReceivedV1 t) {
    cases.onTip(UUID.randomUUID(), t);
    return (UUID) TestTips.caseOf(db, t.tipId()).get("id");
  }

  private Map<String, Object> sources(UUID id) {
    return db.query("SELECT victims, independent_sources FROM fraud_case WHERE id = ?", id).get(0);
  }

  /** Lock requests that wait, in the whole database. */
  private long waitingLocks() {
    return db.queryLong("SELECT count(*) FROM pg_locks WHERE NOT granted");
  }
}
