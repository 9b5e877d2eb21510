package io.fraudtip.cases.casework;

import static io.fraudtip.cases.TestTips.tip;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.fraudtip.cases.TestTips;
import io.fraudtip.cases.linking.TipLinking;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.cases.AccountRefV1;
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
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A unit's work by hand on its cases: an identifier it enters links, lists and alerts as a tip's; a
 * merge and a split by hand show in both cases' timelines and on cases.v1; the scope and state
 * rules of the rest of the police API hold.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CaseWorkTest {
  private static final String UNIT = "PA05-66";
  private static final String OTHER_PROVINCE = "PA05-56";

  @InjectTokens Tokens tokens;
  @InjectDatabase TestDatabase db;
  @InjectKafka KafkaCompanion kafka;
  @Inject TipLinking cases;

  @Test
  void anAccountAUnitEntersIsListedMarkedAsItsEntryAndAlertedToItsBankThroughCasesV1() {
    UUID id = caseOf(tip().paid(TestTips.account(), 30_000_000).build());
    String account = TestTips.account();
    String typed = account.substring(0, 4) + " " + account.substring(4);
    String value = "970436:" + account;

    Response added =
        post(
            UNIT,
            id,
            "identifiers",
            etag(UNIT, id),
            "{\"type\":\"BANK_ACCOUNT\",\"bank\":\"970436\",\"accountNumber\":\""
                + typed
                + "\",\"reason\":\"Tài khoản nhận tiền theo sao kê ngày 21/11\"}");
    added.then().statusCode(200).body("id", equalTo(id.toString()));
    JsonPath body = added.jsonPath();
    assertThat(body.getString("identifiers.find { it.value == '" + value + "' }.enteredBy"))
        .isEqualTo(UNIT);
    assertThat(body.getInt("identifiers.find { it.value == '" + value + "' }.layer")).isEqualTo(1);
    assertThat(body.getString("timeline.find { it.kind == 'IDENTIFIER_ADDED' }.detail"))
        .contains(value)
        .contains("entered by " + UNIT)
        .contains("sao kê ngày 21/11");

    // On the watchlist like any other: one verified source, no transfers, LOW (SPEC §10).
    given()
        .auth()
        .oauth2(tokens.bank("970436"))
        .queryParam("type", "BANK_ACCOUNT")
        .queryParam("value", value)
        .get("/api/v1/watchlist/check")
        .then()
        .statusCode(200)
        .body("listed", equalTo(true))
        .body("riskLevel", equalTo("LOW"));
    List<Map<String, Object>> evidence =
        db.query(
            "SELECT kind, verified, reporter_key, case_id FROM identifier_evidence"
                + " WHERE type = 'BANK_ACCOUNT' AND value = ?",
            value);
    assertThat(evidence).hasSize(1);
    assertThat(evidence.get(0))
        .containsEntry("kind", "REPORT")
        .containsEntry("verified", true)
        .containsEntry("reporter_key", "police:" + UNIT)
        .containsEntry("case_id", id);

    // Alerted as from a tip: the account leaves on cases.v1, through the outbox.
    CaseEventV1 event =
        awaitEvent(id, e -> e.kind() == CaseEventKind.IDENTIFIER_ADDED && !e.accounts().isEmpty());
    assertThat(event.accounts())
        .extracting(AccountRefV1::bankBin, AccountRefV1::accountNumber, AccountRefV1::layer)
        .containsExactly(tuple("970436", account, 1));
    assertThat(event.note()).contains(UNIT);
    assertThat(event.unitCode()).isEqualTo(UNIT);

    // The same account again is a conflict, not a second report.
    post(
            UNIT,
            id,
            "identifiers",
            etag(UNIT, id),
            "{\"type\":\"BANK_ACCOUNT\",\"bank\":\"970436\",\"accountNumber\":\""
                + account
                + "\",\"reason\":\"lần nữa\"}")
        .then()
        .statusCode(409)
        .body("type", equalTo("identifier-present"));
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM identifier_evidence WHERE type = 'BANK_ACCOUNT' AND value = ?",
                value))
        .isOne();
  }

  @Test
  void aBadIdentifierIsA400NamingEachFieldAndAChangeNeedsTheETag() {
    UUID id = caseOf(tip().paid(TestTips.account(), 30_000_000).build());
    String etag = etag(UNIT, id);

    post(
            UNIT,
            id,
            "identifiers",
            etag,
            "{\"type\":\"BANK_ACCOUNT\",\"bank\":\"NGAN HANG X\",\"accountNumber\":\"1\","
                + "\"reason\":\"sao kê\"}")
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("bank", "accountNumber"))
        .body("errors.code", containsInAnyOrder("bank.unknown", "account.invalid"));
    post(UNIT, id, "identifiers", etag, "{\"type\":\"PHONE\",\"value\":\"abc\",\"reason\":\"x\"}")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("value"))
        .body("errors[0].code", equalTo("phone.invalid"));
    post(UNIT, id, "identifiers", etag, "{\"type\":\"PHONE\",\"value\":\"0869123456\"}")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("reason"));
    post(
            UNIT,
            id,
            "identifiers",
            null,
            "{\"type\":\"PHONE\",\"value\":\"" + TestTips.phone() + "\",\"reason\":\"x\"}")
        .then()
        .statusCode(428);
    assertThat(db.queryLong("SELECT count(*) FROM case_identifier WHERE case_id = ?", id)).isOne();
  }

  @Test
  void anIdentifierAnotherCaseHoldsMergesTheCasesAsATipWould() {
    UUID older = caseOf(tip().paid(TestTips.account(), 30_000_000).build());
    String phone = TestTips.phone();
    UUID other = caseOf(tip().phone(phone).lost(5_000_000).build());
    assertThat(other).isNotEqualTo(older);

    post(
            UNIT,
            older,
            "identifiers",
            etag(UNIT, older),
            "{\"type\":\"PHONE\",\"value\":\"" + phone + "\",\"reason\":\"Số gọi cho bị hại\"}")
        .then()
        .statusCode(200)
        .body("id", equalTo(older.toString()))
        .body("victims", equalTo(2))
        .body("identifiers.value", hasItem(phone));

    assertThat(db.query("SELECT stage, merged_into FROM fraud_case WHERE id = ?", other).get(0))
        .containsEntry("stage", "MERGED")
        .containsEntry("merged_into", older);
    // Linked as from a tip: the row the other case's tip made moved, with one more report.
    Map<String, Object> row =
        db.query(
                "SELECT case_id, report_count, entered_by FROM case_identifier"
                    + " WHERE type = 'PHONE' AND value = ?",
                phone)
            .get(0);
    assertThat(row).containsEntry("case_id", older).containsEntry("report_count", 2);
    assertThat(row.get("entered_by")).isNull();
    assertThat(timeline(other, "MERGED")).anyMatch(d -> d.contains("entered by " + UNIT));
    CaseEventV1 merged = awaitEvent(older, e -> e.kind() == CaseEventKind.MERGED);
    assertThat(merged.mergedCaseIds()).containsExactly(other);
  }

  @Test
  void aMergeByHandShowsInBothTimelinesWithTheUnitAndTheReason() {
    UUID first = caseOf(tip().paid(TestTips.account(), 30_000_000).build());
    UUID second = caseOf(tip().paid(TestTips.account(), 20_000_000).build());

    post(UNIT, first, "merge", etag(UNIT, first), merge(first, "x"))
        .then()
        .statusCode(409)
        .body("type", equalTo("same-case"));
    post(UNIT, first, "merge", etag(UNIT, first), merge(second, "Cùng một đối tượng"))
        .then()
        .statusCode(200)
        .body("id", equalTo(first.toString()))
        .body("victims", equalTo(2))
        .body("totalLossVnd", equalTo(50_000_000));

    assertThat(timeline(first, "MERGED"))
        .anyMatch(d -> d.contains("by hand by " + UNIT) && d.contains("Cùng một đối tượng"));
    assertThat(timeline(second, "MERGED"))
        .anyMatch(d -> d.startsWith("Merged into") && d.contains("by hand by " + UNIT));
    CaseEventV1 merged = awaitEvent(first, e -> e.kind() == CaseEventKind.MERGED);
    assertThat(merged.mergedCaseIds()).containsExactly(second);
    assertThat(merged.tipIds()).hasSize(2);

    // The absorbed case is closed to work.
    post(UNIT, first, "merge", etag(UNIT, first), merge(second, "again"))
        .then()
        .statusCode(409)
        .body("type", equalTo("case-closed"));
    // A note too: it would lie on a case nobody works; the answer names where to write it.
    String reference =
        (String)
            db.query("SELECT reference FROM fraud_case WHERE id = ?", first)
                .get(0)
                .get("reference");
    post(UNIT, second, "notes", etag(UNIT, second), "{\"text\":\"Đã gọi ngân hàng\"}")
        .then()
        .statusCode(409)
        .body("type", equalTo("case-closed"))
        .body("detail", org.hamcrest.Matchers.containsString(reference));
  }

  @Test
  void aSplitMovesTheNamedTipsAndTheIdentifiersOnlyTheyNameIntoANewRoutedCase() {
    String phone = TestTips.phone();
    String kept = TestTips.account();
    String leaving = TestTips.account();
    TipReceivedV1 t1 = tip().phone(phone).paid(kept, 30_000_000).build();
    TipReceivedV1 t2 = tip().phone(phone).paid(leaving, 150_000_000).build();
    UUID id = caseOf(t1);
    cases.onTip(UUID.randomUUID(), t2);
    assertThat(TestTips.caseOf(db, t2.tipId()).get("id")).isEqualTo(id);

    post(UNIT, id, "split", etag(UNIT, id), split(List.of(UUID.randomUUID()), "x"))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("tipIds[0]"))
        .body("errors[0].code", equalTo("tip.notInCase"));
    post(UNIT, id, "split", etag(UNIT, id), split(List.of(t1.tipId(), t2.tipId()), "x"))
        .then()
        .statusCode(409)
        .body("type", equalTo("split-all-tips"));

    JsonPath done =
        post(UNIT, id, "split", etag(UNIT, id), split(List.of(t2.tipId()), "Nhóm khác"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    UUID created = UUID.fromString(done.getString("created.id"));
    String reference = done.getString("created.reference");
    // Routed by the rules like a new case: its own loss makes it R-LARGE-LOSS's.
    assertThat(done.getString("created.stage")).isEqualTo("ASSIGNED");
    assertThat(done.getString("created.unitCode")).isEqualTo(UNIT);
    assertThat(done.getString("created.ruleId")).isEqualTo("R-LARGE-LOSS");
    assertThat(done.getList("created.tipIds")).containsExactly(t2.tipId().toString());
    // The phone both tips name stays with the original; the account only t2 paid leaves.
    assertThat(done.getList("created.identifiers"))
        .containsExactly("BANK_ACCOUNT 970436:" + leaving);
    assertThat(done.getList("original.identifiers.value"))
        .containsExactlyInAnyOrder(phone, "970436:" + kept);
    assertThat(done.getInt("original.victims")).isEqualTo(1);
    assertThat(done.getLong("original.totalLossVnd")).isEqualTo(30_000_000L);

    assertThat(timeline(id, "SPLIT"))
        .anyMatch(d -> d.contains("into " + reference) && d.contains("Nhóm khác"));
    assertThat(timeline(created, "SPLIT"))
        .anyMatch(d -> d.contains("from " + TestTips.caseOf(db, t1.tipId()).get("reference")));
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM identifier_evidence WHERE tip_id = ? AND case_id = ?",
                t2.tipId(),
                created))
        .isEqualTo(2);

    CaseEventV1 splitEvent = awaitEvent(created, e -> e.kind() == CaseEventKind.SPLIT);
    assertThat(splitEvent.tipIds()).containsExactly(t2.tipId());
    assertThat(splitEvent.ruleId()).isEqualTo("R-LARGE-LOSS");
    CaseEventV1 rest =
        awaitEvent(
            id,
            e ->
                e.kind() == CaseEventKind.STATUS_CHANGED
                    && e.note() != null
                    && e.note().contains(reference));
    assertThat(rest.tipIds()).containsExactly(t1.tipId());
  }

  @Test
  void anotherProvincesUnitGets404ForAllThree() {
    UUID id = caseOf(tip().paid(TestTips.account(), 30_000_000).build());
    UUID theirs = caseOf(tip().in("56", null).paid(TestTips.account(), 30_000_000).build());
    String etag = etag(UNIT, id);
    TipReceivedV1 second = tip().paid(TestTips.account(), 1_000_000).build();

    post(
            OTHER_PROVINCE,
            id,
            "identifiers",
            etag,
            "{\"type\":\"PHONE\",\"value\":\"" + TestTips.phone() + "\",\"reason\":\"x\"}")
        .then()
        .statusCode(404);
    post(OTHER_PROVINCE, id, "merge", etag, merge(theirs, "x")).then().statusCode(404);
    post(OTHER_PROVINCE, id, "split", etag, split(List.of(second.tipId()), "x"))
        .then()
        .statusCode(404);
    // Nor can a unit merge its case with one outside its tree.
    post(UNIT, id, "merge", etag, merge(theirs, "x")).then().statusCode(404);
    assertThat(db.query("SELECT stage FROM fraud_case WHERE id = ?", theirs).get(0))
        .containsEntry("stage", "ASSIGNED");
  }

  @Test
  void aClosedCaseTakesNoWorkByHand() {
    String account = TestTips.account();
    TipReceivedV1 t = tip().paid(account, 30_000_000).build();
    UUID id = caseOf(t);
    UUID open = caseOf(tip().paid(TestTips.account(), 30_000_000).build());
    TestTips.close(tokens, id, UNIT, "CONFIRMED");
    String etag = etag(UNIT, id);

    post(
            UNIT,
            id,
            "identifiers",
            etag,
            "{\"type\":\"PHONE\",\"value\":\"" + TestTips.phone() + "\",\"reason\":\"x\"}")
        .then()
        .statusCode(409)
        .body("type", equalTo("case-closed"));
    post(UNIT, id, "merge", etag, merge(open, "x"))
        .then()
        .statusCode(409)
        .body("type", equalTo("case-closed"));
    post(UNIT, open, "merge", etag(UNIT, open), merge(id, "x"))
        .then()
        .statusCode(409)
        .body("type", equalTo("case-closed"));
    post(UNIT, id, "split", etag, split(List.of(t.tipId()), "x"))
        .then()
        .statusCode(409)
        .body("type", equalTo("case-closed"));
    // Nor is it merged into another case by an identifier of its entered there.
    post(
            UNIT,
            open,
            "identifiers",
            etag(UNIT, open),
            "{\"type\":\"BANK_ACCOUNT\",\"bank\":\""
                + TestTips.VCB
                + "\",\"accountNumber\":\""
                + account
                + "\",\"reason\":\"x\"}")
        .then()
        .statusCode(409)
        .body("type", equalTo("case-closed"));
    assertThat(db.query("SELECT stage FROM fraud_case WHERE id = ?", id).get(0))
        .containsEntry("stage", "CLOSED");
  }

  private UUID caseOf(TipReceivedV1 t) {
    cases.onTip(UUID.randomUUID(), t);
    return (UUID) TestTips.caseOf(db, t.tipId()).get("id");
  }

  private String etag(String unit, UUID id) {
    return CaseWorkCalls.etag(tokens, unit, id);
  }

  private Response post(String unit, UUID id, String action, String etag, String body) {
    return CaseWorkCalls.post(tokens, unit, id, action, etag, body);
  }

  private static String merge(UUID other, String reason) {
    return CaseWorkCalls.merge(other, reason);
  }

  private static String split(List<UUID> tips, String reason) {
    return CaseWorkCalls.split(tips, reason);
  }

  /** The details of the case's timeline lines of a kind. */
  private List<String> timeline(UUID caseId, String kind) {
    return db
        .query("SELECT detail FROM case_timeline WHERE case_id = ? AND kind = ?", caseId, kind)
        .stream()
        .map(r -> String.valueOf(r.get("detail")))
        .toList();
  }

  private CaseEventV1 awaitEvent(UUID caseId, java.util.function.Predicate<CaseEventV1> test) {
    return TestTips.event(
        CloudEventRecords.awaitFirst(
                kafka,
                Topics.CASES_V1,
                r -> r.key().equals(caseId.toString()) && test.test(TestTips.event(r.value())),
                Duration.ofSeconds(20))
            .value());
  }
}
