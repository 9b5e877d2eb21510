package io.fraudtip.cases.rest;

import static io.fraudtip.cases.TestTips.caseOf;
import static io.fraudtip.cases.TestTips.tip;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.fraudtip.cases.TestTips;
import io.fraudtip.cases.linking.TipLinking;
import io.fraudtip.contracts.CloudEvents;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.allowlist.AllowListChangedV1;
import io.fraudtip.contracts.cases.AccountRefV1;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.contracts.tips.IdentifierType;
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
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class AllowListTest {
  @InjectTokens Tokens tokens;
  @InjectDatabase TestDatabase db;
  @InjectKafka KafkaCompanion kafka;
  @Inject TipLinking cases;

  private ValidatableResponse add(String type, String value, String reason) {
    return given()
        .auth()
        .oauth2(tokens.operator("ops-allow"))
        .contentType(ContentType.JSON)
        .body(
            "{\"type\":\"" + type + "\",\"value\":\"" + value + "\",\"reason\":\"" + reason + "\"}")
        .post("/api/v1/admin/allow-list")
        .then();
  }

  private ValidatableResponse remove(String type, String value) {
    return given()
        .auth()
        .oauth2(tokens.operator("ops-allow"))
        .queryParam("type", type)
        .queryParam("value", value)
        .delete("/api/v1/admin/allow-list")
        .then();
  }

  private ValidatableResponse check(String type, String value) {
    return given()
        .queryParam("type", type)
        .queryParam("value", value)
        .get("/api/v1/watchlist/check")
        .then()
        .statusCode(200);
  }

  private UUID caseOfNew(TipReceivedV1 t) {
    cases.onTip(UUID.randomUUID(), t);
    return (UUID) caseOf(db, t.tipId()).get("id");
  }

  @Test
  void anAllowListedNumberLinksNoCasesAndIsNeverListedUntilRemoved() {
    String hotline = TestTips.phone();
    String typed = "0" + hotline.substring(3);
    // Stored in canonical form, whoever typed it how.
    add("PHONE", typed, "Tổng đài ngân hàng")
        .statusCode(201)
        .body("entry.value", equalTo(hotline))
        .body("entry.reason", equalTo("Tổng đài ngân hàng"))
        .body("entry.addedBy", equalTo("ops-allow"))
        .body("delistedIdentifiers", equalTo(0));
    given()
        .auth()
        .oauth2(tokens.operator("ops-allow"))
        .get("/api/v1/admin/allow-list")
        .then()
        .statusCode(200)
        .body("value", hasItem(hotline))
        .body("value", hasItem("+84113"));
    add("PHONE", hotline, "again").statusCode(409);

    UUID first = caseOfNew(tip().phone(hotline).paid(TestTips.account(), 1_000_000).build());
    UUID second = caseOfNew(tip().phone(hotline).paid(TestTips.account(), 1_000_000).build());
    assertThat(first).isNotEqualTo(second);
    assertThat(db.queryLong("SELECT count(*) FROM case_identifier WHERE value = ?", hotline))
        .isZero();
    check("PHONE", typed).body("listed", equalTo(false));

    remove("PHONE", typed).statusCode(204);
    remove("PHONE", hotline).statusCode(404);
    given()
        .auth()
        .oauth2(tokens.operator("ops-allow"))
        .get("/api/v1/admin/allow-list")
        .then()
        .body("value", not(hasItem(hotline)));
    // Removed: the next tips link through it again and it is listed.
    UUID third = caseOfNew(tip().phone(hotline).paid(TestTips.account(), 1_000_000).build());
    UUID fourth = caseOfNew(tip().phone(hotline).paid(TestTips.account(), 1_000_000).build());
    assertThat(fourth).isEqualTo(third);
    check("PHONE", hotline).body("listed", equalTo(true)).body("reportCount", equalTo(2));
  }

  /**
   * An operator typing the bank's site as www.… means the bank's domain: tips name a site by its
   * registrable domain too, and the entry covers it (it covered only the www. host before).
   */
  @Test
  void aDomainEnteredWithWwwCoversTheSitesDomain() {
    String bank = "bank" + UUID.randomUUID().toString().substring(0, 8) + ".com.vn";
    add("DOMAIN", "https://www." + bank + "/", "Trang chính thức")
        .statusCode(201)
        .body("entry.value", equalTo(bank));
    TipReceivedV1 a =
        tip()
            .identifier(io.fraudtip.contracts.tips.IdentifierType.DOMAIN, bank)
            .paid(TestTips.account(), 1_000_000)
            .build();
    TipReceivedV1 b =
        tip()
            .identifier(io.fraudtip.contracts.tips.IdentifierType.DOMAIN, bank)
            .paid(TestTips.account(), 1_000_000)
            .build();
    assertThat(caseOfNew(a)).isNotEqualTo(caseOfNew(b));
    check("DOMAIN", bank).body("listed", equalTo(false));
    remove("DOMAIN", "www." + bank).statusCode(204);
  }

  @Test
  void allowListingADomainDelistsItsSubDomainsHeldByCasesAndRetractsThem() {
    String bank = "bank" + UUID.randomUUID().toString().substring(0, 8) + ".com.vn";
    String account = TestTips.account();
    TipReceivedV1 t =
        tip()
            .identifier(io.fraudtip.contracts.tips.IdentifierType.DOMAIN, "ebanking." + bank)
            .paid(account, 1_000_000)
            .build();
    UUID caseId = caseOfNew(t);
    check("DOMAIN", "ebanking." + bank).body("listed", equalTo(true));

    add("DOMAIN", bank.toUpperCase(), "Tên miền chính thức của ngân hàng")
        .statusCode(201)
        .body("entry.value", equalTo(bank))
        .body("delistedIdentifiers", equalTo(1));
    check("DOMAIN", "ebanking." + bank).body("listed", equalTo(false));
    // The case's account is not covered and stays listed.
    check("BANK_ACCOUNT", TestTips.VCB + ":" + account).body("listed", equalTo(true));
    assertThat(
            db.query(
                "SELECT detail FROM case_timeline WHERE case_id = ? AND kind = 'ALLOW_LISTED'",
                caseId))
        .extracting(r -> r.get("detail"))
        .containsExactly("DOMAIN ebanking." + bank + " is on the allow-list");
    CaseEventV1 event =
        io.fraudtip.cases.TestTips.event(
            CloudEventRecords.awaitFirst(
                    kafka,
                    Topics.CASES_V1,
                    r -> r.key().equals(caseId.toString()) && r.value().contains("DELISTED"),
                    Duration.ofSeconds(20))
                .value());
    assertThat(event.note()).isEqualTo("Allow-listed: 1 delisted");
    assertThat(event.accounts()).isEmpty();

    // A new tip on a sub-domain links nothing either.
    UUID other =
        caseOfNew(
            tip()
                .identifier(
                    io.fraudtip.contracts.tips.IdentifierType.URL, "https://www." + bank + "/login")
                .identifier(io.fraudtip.contracts.tips.IdentifierType.DOMAIN, "ebanking." + bank)
                .paid(TestTips.account(), 1_000_000)
                .build());
    assertThat(other).isNotEqualTo(caseId);

    given()
        .auth()
        .oauth2(tokens.bank(TestTips.VCB))
        .get("/api/v1/admin/allow-list")
        .then()
        .statusCode(403);
    add("PHONE", "", "x").statusCode(400);
  }

  @Test
  void removingAnEntryListsAgainWhatItTookOffUnlessAnotherEntryStillCoversIt() {
    String bank = "bank" + UUID.randomUUID().toString().substring(0, 8) + ".com.vn";
    String site = "ebanking." + bank;
    UUID caseId =
        caseOfNew(
            tip()
                .identifier(io.fraudtip.contracts.tips.IdentifierType.DOMAIN, site)
                .paid(TestTips.account(), 1_000_000)
                .build());
    add("DOMAIN", site, "Cổng ngân hàng điện tử")
        .statusCode(201)
        .body("delistedIdentifiers", equalTo(1));
    add("DOMAIN", bank, "Tên miền của ngân hàng")
        .statusCode(201)
        .body("delistedIdentifiers", equalTo(0));

    remove("DOMAIN", site).statusCode(204);
    check("DOMAIN", site).body("listed", equalTo(false));

    remove("DOMAIN", bank).statusCode(204);
    check("DOMAIN", site).body("listed", equalTo(true));
    assertThat(
            db.query(
                "SELECT actor, detail FROM case_timeline WHERE case_id = ?"
                    + " AND kind = 'ALLOW_LIST_REMOVED'",
                caseId))
        .extracting(r -> r.get("actor") + ": " + r.get("detail"))
        .containsExactly(
            "ops-allow: DOMAIN " + site + " is listed again: its allow-list entry was removed");
  }

  /**
   * An account taken off the list again was retracted to its bank when it was allow-listed: its
   * relisting is an event naming it, so that its bank is alerted anew.
   */
  @Test
  void removingAnAccountsEntryAnnouncesTheAccountListedAgain() {
    String account = TestTips.account();
    String value = TestTips.VCB + ":" + account;
    UUID caseId = caseOfNew(tip().paid(account, 1_000_000).build());
    add("BANK_ACCOUNT", value, "Tài khoản từ thiện").statusCode(201);
    check("BANK_ACCOUNT", value).body("listed", equalTo(false));

    remove("BANK_ACCOUNT", value).statusCode(204);
    check("BANK_ACCOUNT", value).body("listed", equalTo(true));
    CaseEventV1 event =
        io.fraudtip.cases.TestTips.event(
            CloudEventRecords.awaitFirst(
                    kafka,
                    Topics.CASES_V1,
                    r -> r.key().equals(caseId.toString()) && r.value().contains("RELISTED"),
                    Duration.ofSeconds(20))
                .value());
    assertThat(event.kind()).isEqualTo(CaseEventKind.IDENTIFIER_RELISTED);
    assertThat(event.accounts())
        .extracting(AccountRefV1::bankBin, AccountRefV1::accountNumber)
        .containsExactly(tuple(TestTips.VCB, account));
  }

  /**
   * An entry covers what lies below it: a public suffix would take every site under it off the
   * watchlist, and a value that is not one of its type covers nothing. Both are refused, naming the
   * field, and nothing is delisted.
   */
  @Test
  void aPublicSuffixOrAValueNotOfItsTypeIsRefusedAndDelistsNothing() {
    String site = "shop" + UUID.randomUUID().toString().substring(0, 8) + ".com.vn";
    caseOfNew(
        tip()
            .identifier(io.fraudtip.contracts.tips.IdentifierType.DOMAIN, site)
            .paid(TestTips.account(), 1_000_000)
            .build());
    check("DOMAIN", site).body("listed", equalTo(true));

    add("DOMAIN", "com.vn", "x")
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", contains("value"))
        .body("errors.code", contains("url.domain"));
    add("URL", "https://gov.vn/", "x").statusCode(400).body("errors.code", contains("url.domain"));
    add("BANK_ACCOUNT", "0123456789", "x")
        .statusCode(400)
        .body("errors.code", contains("account.bank-required"));
    add("BANK_ACCOUNT", "NOBANK:0123456789", "x")
        .statusCode(400)
        .body("errors.code", contains("bank.unknown"));
    add("PHONE", "abc", "x").statusCode(400).body("errors.code", contains("phone.invalid"));
    check("DOMAIN", site).body("listed", equalTo(true));
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM allow_listed_identifier WHERE value IN"
                    + " ('com.vn', 'https://gov.vn/', '0123456789', 'abc')"))
        .isZero();
  }

  /**
   * notification-service alerts banks straight from tips, without case-service: it learns the list
   * from allow-list.v1, where every change goes, and where the migration that made the topic
   * announced the entries made before it (the seed's among them).
   */
  @Test
  void everyChangeOfTheListGoesOutOnItsTopicAndTheEntriesMadeBeforeWereAnnouncedOnce() {
    String value = "970436:" + TestTips.account();
    add("BANK_ACCOUNT", value, "Charity fund's collection account").statusCode(201);
    AllowListChangedV1 added =
        change(AllowListChangedV1.key(IdentifierType.BANK_ACCOUNT, value), true);
    assertThat(added.type()).isEqualTo(IdentifierType.BANK_ACCOUNT);
    assertThat(added.value()).isEqualTo(value);

    remove("BANK_ACCOUNT", value).statusCode(204);
    AllowListChangedV1 removed =
        change(AllowListChangedV1.key(IdentifierType.BANK_ACCOUNT, value), false);
    assertThat(removed.changedAt()).isAfterOrEqualTo(added.changedAt());

    AllowListChangedV1 seed = change("PHONE|113", true);
    assertThat(seed.value()).isEqualTo("113");
    assertThat(seed.changedAt()).isNotNull();
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM outbox_event WHERE topic = ? AND record_key = 'PHONE|113'",
                Topics.ALLOW_LIST_V1))
        .isOne();
  }

  /**
   * The first change of the key on allow-list.v1 that says {@code listed}, read as the contract.
   */
  private AllowListChangedV1 change(String key, boolean listed) {
    var record =
        CloudEventRecords.awaitFirst(
            kafka,
            Topics.ALLOW_LIST_V1,
            r -> key.equals(r.key()) && read(r.value()).listed() == listed,
            Duration.ofSeconds(20));
    assertThat(CloudEventRecords.header(record, CloudEvents.HEADER_TYPE))
        .isEqualTo(CloudEvents.TYPE_ALLOW_LIST_CHANGED);
    AllowListChangedV1 change = read(record.value());
    assertThat(CloudEventRecords.header(record, CloudEvents.HEADER_ID))
        .isEqualTo(change.eventId().toString());
    return change;
  }

  private static AllowListChangedV1 read(String json) {
    try {
      return Json.events().readValue(json, AllowListChangedV1.class);
    } catch (java.io.IOException e) {
      throw new AssertionError("not an AllowListChangedV1: " + json, e);
    }
  }
}
