package io.fraudtip.intake.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fraudtip.intake.Tips;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Group commit: tips sent together are written in shared transactions, every 202 is in the database
 * when it is received, and a tip that fails in a batch fails alone. A batch here closes only when
 * it holds ten tips (the wait is long), so each burst of ten is one batch whatever the machine's
 * speed.
 */
@QuarkusTest
@TestProfile(GroupCommitTest.BatchesOfTen.class)
@WithTestResource(PlatformTestResource.class)
class GroupCommitTest {
  private static final int BATCH = 10;

  /** Batches of exactly ten: the wait is far longer than a burst takes to arrive. */
  public static class BatchesOfTen implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "fraudtip.intake.group-commit.max-tips",
          String.valueOf(BATCH),
          "fraudtip.intake.group-commit.max-wait",
          "60s",
          // Every first tip waits for its burst, however long after the last burst it comes.
          "fraudtip.intake.group-commit.alone-after",
          "1h");
    }
  }

  @InjectDatabase TestDatabase db;
  @Inject MeterRegistry registry;

  @Test
  void everyAcceptedTipIsInTheDatabaseWhenItsAnswerArrivesAndTipsShareTransactions()
      throws Exception {
    int tips = 5 * BATCH;
    double batchesBefore = batches();
    List<ExtractableResponse<Response>> answers =
        burst(
            tips,
            i -> {
              ExtractableResponse<Response> answer = post(null, Tips.VALID);
              // Read at once, from a connection of our own: a 202 means committed.
              if (answer.statusCode() == 202) {
                assertStored(UUID.fromString(answer.path("tipId")));
              }
              return answer;
            });

    assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(202));
    assertThat(answers.stream().map(a -> a.<String>path("tipId")).distinct()).hasSize(tips);
    assertThat(batches() - batchesBefore).isPositive().isLessThan(tips);
  }

  @Test
  void aTipWithAConflictingOrBusyKeyFailsAloneAndTheRestOfItsBatchIsStored() throws Exception {
    String used = UUID.randomUUID().toString();
    String busy = UUID.randomUUID().toString();
    // The key is first used in a burst of its own.
    List<ExtractableResponse<Response>> first =
        burst(BATCH, i -> post(i == 0 ? used : null, Tips.VALID));
    assertThat(first).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(202));

    List<ExtractableResponse<Response>> answers;
    // Another instance holds the second key: its request is in flight there.
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("SELECT pg_advisory_lock(hashtextextended('a:" + busy + "', 3))");
      answers =
          burst(
              BATCH,
              i ->
                  switch (i) {
                    case 0 -> post(used, Tips.VALID.replace("45000000", "46000000"));
                    case 1 -> post(busy, Tips.VALID);
                    default -> post(null, Tips.VALID);
                  });
    }

    assertThat(answers.get(0).statusCode()).isEqualTo(422);
    assertThat(answers.get(0).<String>path("type")).isEqualTo("idempotency-mismatch");
    assertThat(answers.get(1).statusCode()).isEqualTo(409);
    assertThat(answers.get(1).<String>path("type")).isEqualTo("idempotency-in-flight");
    for (ExtractableResponse<Response> a : answers.subList(2, BATCH)) {
      assertThat(a.statusCode()).isEqualTo(202);
      assertStored(UUID.fromString(a.path("tipId")));
    }
    assertThat(db.queryLong("SELECT count(*) FROM idempotency_key WHERE idem_key = ?", "a:" + busy))
        .isZero();
  }

  @Test
  void anInvalidBodyWithAUsedKeyIsAnsweredByTheKeyAsBeforeWithoutWaitingForABatch()
      throws Exception {
    String used = UUID.randomUUID().toString();
    burst(BATCH, i -> post(i == 0 ? used : null, Tips.VALID));
    String invalid = Tips.VALID.replace("\"66\"", "\"99\"");

    // The key decides first, as it did before tips were batched; a new key leaves the 400.
    ExtractableResponse<Response> reused = post(used, invalid);
    assertThat(reused.statusCode()).isEqualTo(422);
    assertThat(reused.<String>path("type")).isEqualTo("idempotency-mismatch");
    ExtractableResponse<Response> fresh = post(UUID.randomUUID().toString(), invalid);
    assertThat(fresh.statusCode()).isEqualTo(400);
    assertThat(fresh.<String>path("errors[0].code")).isEqualTo("province.unknown");
    // A body that is not even JSON, or not a tip's shape, is another body too.
    for (String unreadable : List.of("{\"description\": ", "[1, 2]")) {
      assertThat(post(used, unreadable).statusCode()).isEqualTo(422);
      assertThat(post(UUID.randomUUID().toString(), unreadable).statusCode()).isEqualTo(400);
    }
  }

  @Test
  void theSameKeyTwiceInOneBatchStoresOneTipAndTheSecondGetsTheFirstAnswer() throws Exception {
    String key = UUID.randomUUID().toString();
    String other = UUID.randomUUID().toString();
    long tipsBefore = db.queryLong("SELECT count(*) FROM tip");
    double batchesBefore = batches();
    List<ExtractableResponse<Response>> answers =
        burst(
            BATCH,
            i ->
                switch (i) {
                  case 0, 1 -> post(key, Tips.VALID);
                  case 2 -> post(other, Tips.VALID);
                  case 3 -> post(other, Tips.VALID.replace("45000000", "46000000"));
                  default -> post(null, Tips.VALID);
                });

    assertThat(batches() - batchesBefore).isEqualTo(1.0);
    // Same key, same body: one tip, both answered with it, one of them as the replay.
    assertThat(answers.subList(0, 2)).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(202));
    assertThat(answers.get(0).<String>path("tipId")).isEqualTo(answers.get(1).path("tipId"));
    assertThat(answers.get(0).header("Location")).isEqualTo(answers.get(1).header("Location"));
    assertThat(
            answers.subList(0, 2).stream()
                .filter(a -> "true".equals(a.header("Idempotent-Replayed"))))
        .hasSize(1);
    // Same key, another body: whichever came second is refused as a reused key is.
    List<Integer> otherStatuses =
        answers.subList(2, 4).stream().map(ExtractableResponse::statusCode).sorted().toList();
    assertThat(otherStatuses).containsExactly(202, 422);
    assertThat(db.queryLong("SELECT count(*) FROM tip")).isEqualTo(tipsBefore + BATCH - 2);
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM idempotency_key WHERE idem_key IN (?, ?)",
                "a:" + key,
                "a:" + other))
        .isEqualTo(2);
  }

  @Test
  void aTipTheDatabaseRefusesFailsAloneAndTheRestOfItsBatchIsStored() throws Exception {
    // A check the tips table did not have: it refuses one tip of the batch, as a broken row would.
    db.update(
        "ALTER TABLE tip ADD CONSTRAINT group_commit_test_poison"
            + " CHECK (event_payload NOT LIKE '%POISON-MARKER%')");
    List<ExtractableResponse<Response>> answers;
    try {
      answers =
          burst(
              BATCH,
              i ->
                  post(
                      null,
                      i == 0
                          ? Tips.VALID.replace("tự xưng công an", "tự xưng POISON-MARKER")
                          : Tips.VALID));
    } finally {
      db.update("ALTER TABLE tip DROP CONSTRAINT group_commit_test_poison");
    }

    assertThat(answers.get(0).statusCode()).isEqualTo(500);
    for (ExtractableResponse<Response> a : answers.subList(1, BATCH)) {
      assertThat(a.statusCode()).isEqualTo(202);
      assertStored(UUID.fromString(a.path("tipId")));
    }
    assertThat(db.queryLong("SELECT count(*) FROM tip WHERE event_payload LIKE '%POISON-MARKER%'"))
        .isZero();
  }

  /** Sends n requests at once, from n threads; the answers in the requests' order. */
  private static List<ExtractableResponse<Response>> burst(
      int n, Function<Integer, ExtractableResponse<Response>> request) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<ExtractableResponse<Response>>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        Callable<ExtractableResponse<Response>> call =
            () -> {
              start.await();
              return request.apply(index);
            };
        futures.add(clients.submit(call));
      }
      start.countDown();
      List<ExtractableResponse<Response>> answers = new ArrayList<>();
      for (Future<ExtractableResponse<Response>> f : futures) {
        answers.add(f.get());
      }
      return answers;
    } finally {
      clients.shutdownNow();
    }
  }

  private static ExtractableResponse<Response> post(String key, String body) {
    var request = given().contentType(ContentType.JSON).body(body);
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return request.post("/api/v1/tips").then().extract();
  }

  /** The tip, its history and its tips.v1 outbox row, read from a connection of the test's own. */
  private void assertStored(UUID tipId) {
    try (Connection c = connect()) {
      assertThat(count(c, "SELECT count(*) FROM tip WHERE id = ?", tipId)).isOne();
      assertThat(count(c, "SELECT count(*) FROM tip_history WHERE tip_id = ?", tipId)).isOne();
      assertThat(
              count(c, "SELECT count(*) FROM outbox_event WHERE record_key = ?", tipId.toString()))
          .isOne();
      // Written as a batch, each row is the tip's own: its first step, and its event as stored.
      assertThat(
              count(
                  c,
                  "SELECT count(*) FROM tip t"
                      + " JOIN tip_history h ON h.tip_id = t.id AND h.status = 'RECEIVED'"
                      + " AND h.note = 'Tip received' AND h.at = t.received_at"
                      + " JOIN outbox_event o ON o.record_key = t.id::text"
                      + " AND o.topic = 'tips.v1' AND o.payload = t.event_payload"
                      + " WHERE t.id = ? AND t.status = 'RECEIVED' AND t.version = 0",
                  tipId))
          .isOne();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long count(Connection c, String sql, Object arg) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, arg);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(db.url(), "postgres", "postgres");
  }

  private double batches() {
    return registry.get("tips.commit.batches").counter().count();
  }
}
