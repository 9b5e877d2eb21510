package io.fraudtip.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fraudtip.contracts.CloudEvents;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.allowlist.AllowListChangedV1;
import io.fraudtip.contracts.cases.AccountRefV1;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.contracts.cases.CaseStatus;
import io.fraudtip.contracts.cases.FreezeAuthorisationV1;
import io.fraudtip.contracts.tips.Channel;
import io.fraudtip.contracts.tips.IdentifierType;
import io.fraudtip.contracts.tips.IdentifierV1;
import io.fraudtip.contracts.tips.ScamType;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.contracts.tips.TransferV1;
import io.fraudtip.contracts.tips.TrustLevel;
import io.fraudtip.notification.Webhooks;
import io.fraudtip.testsupport.CloudEventRecords;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectKafka;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * SPEC §5: an identifier on the operators' allow-list is never alerted. case-service owns the list
 * and tells it on allow-list.v1; an allow-listed account named by a tip (the fast path, which does
 * not wait for case-service), entered by a unit or traced by a bank's answer alerts nobody, while
 * the other accounts of the same tip or event do, and so does a police unit's freeze request.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class AllowListConsumerTest {
  private static final String BANK = "970436";

  @InjectKafka KafkaCompanion kafka;
  @InjectDatabase TestDatabase db;

  @Test
  void aTipAlertsNobodyAboutAnAllowListedAccountUntilItIsTakenOffTheList() {
    String listed = account();
    String other = account();
    Instant addedAt = Instant.now().minusSeconds(60);
    UUID added = change(listed, true, addedAt);
    awaitHandled(added);

    UUID first = tip(listed, other);
    awaitAlert(first, other);
    assertThat(alerts(first, listed)).isZero();

    UUID removed = change(listed, false, addedAt.plusSeconds(30));
    awaitHandled(removed);
    // An older change read late does not put the account back on the list.
    UUID late = change(listed, true, addedAt.minusSeconds(30));
    awaitHandled(late);
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM allow_listed_account WHERE bank_bin = ? AND"
                    + " account_number = ? AND NOT listed",
                BANK,
                listed))
        .isOne();

    UUID second = tip(listed, other);
    awaitAlert(second, listed);
  }

  @Test
  void anAllowListedAccountAUnitEntersOrABankTracesIsNotReportedButAFreezeRequestForItGoes() {
    String listed = account();
    String other = account();
    awaitHandled(change(listed, true, Instant.now()));
    UUID caseId = UUID.randomUUID();

    Webhooks.send(
        kafka, event(caseId, CaseEventKind.IDENTIFIER_ADDED, List.of(ref(listed), ref(other))));
    Webhooks.send(kafka, event(caseId, CaseEventKind.ACCOUNT_TRACED, List.of(ref(listed))));
    // The same case's events come in order: once the freeze request is in, the others were read.
    Webhooks.send(kafka, event(caseId, CaseEventKind.FREEZE_REQUESTED, List.of(ref(listed))));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                db.queryLong(
                        "SELECT count(*) FROM alert WHERE case_id = ? AND event_type ="
                            + " 'freeze.requested'",
                        caseId)
                    == 1);
    assertThat(
            db
                .query(
                    "SELECT event_type, account_number FROM alert WHERE case_id = ?"
                        + " ORDER BY event_type",
                    caseId)
                .stream()
                .map(r -> r.get("event_type") + " " + r.get("account_number"))
                .toList())
        .containsExactly("account.reported " + other, "freeze.requested " + listed);
  }

  /**
   * An account listed again (its allow-list entry removed, or a review confirmed it after a
   * dispute) was retracted to its bank: its bank hears of it anew, even when the entry's removal on
   * allow-list.v1 has not reached this service yet (case-service relists only what no entry
   * covers). It is no new report of it.
   */
  @Test
  void anAccountListedAgainIsReportedAnewEvenBeforeTheListsChangeArrives() {
    String relisted = account();
    awaitHandled(change(relisted, true, Instant.now().minusSeconds(60)));
    UUID caseId = UUID.randomUUID();

    Webhooks.send(kafka, event(caseId, CaseEventKind.IDENTIFIER_RELISTED, List.of(ref(relisted))));

    String reported =
        "SELECT payload FROM alert WHERE case_id = ? AND account_number = ?"
            + " AND event_type = 'account.reported'";
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> db.query(reported, caseId, relisted).size() == 1);
    assertThat(String.valueOf(db.query(reported, caseId, relisted).get(0).get("payload")))
        .contains("\"reportCount\":0")
        .doesNotContain("\"trust\"")
        .doesNotContain("\"reportedAt\"");
  }

  private UUID change(String account, boolean listed, Instant at) {
    UUID eventId = UUID.randomUUID();
    String value = BANK + ":" + account;
    kafka
        .produceStrings()
        .fromRecords(
            CloudEventRecords.of(
                Topics.ALLOW_LIST_V1,
                AllowListChangedV1.key(IdentifierType.BANK_ACCOUNT, value),
                eventId,
                CloudEvents.TYPE_ALLOW_LIST_CHANGED,
                Json.write(
                    new AllowListChangedV1(
                        eventId, IdentifierType.BANK_ACCOUNT, value, listed, at))))
        .awaitCompletion(Duration.ofSeconds(10));
    return eventId;
  }

  private void awaitHandled(UUID eventId) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                db.queryLong("SELECT count(*) FROM processed_event WHERE event_id = ?", eventId)
                    == 1);
  }

  /** A tip paying {@code paid} and naming {@code named} too, both at {@link #BANK}. */
  private UUID tip(String paid, String named) {
    UUID tipId = UUID.randomUUID();
    Instant now = Instant.now();
    Webhooks.sendTip(
        kafka,
        tipId,
        UUID.randomUUID(),
        Json.write(
            new TipReceivedV1(
                tipId,
                "ABCD-EFGH-JK",
                now,
                Channel.WEB,
                TrustLevel.IDENTIFIED_WITH_TRANSFERS,
                "01",
                null,
                now.minusSeconds(600),
                ScamType.INVESTMENT_CRYPTO,
                "Lừa đảo đầu tư",
                5_000_000L,
                List.of(new TransferV1(BANK, paid, null, 5_000_000L, now.minusSeconds(300))),
                List.of(
                    new IdentifierV1(
                        IdentifierType.BANK_ACCOUNT, BANK + ":" + named, BANK, null, false)))));
    return tipId;
  }

  private void awaitAlert(UUID tipId, String account) {
    await().atMost(Duration.ofSeconds(20)).until(() -> alerts(tipId, account) == 1);
  }

  private long alerts(UUID tipId, String account) {
    return db.queryLong(
        "SELECT count(*) FROM alert WHERE tip_id = ? AND account_number = ?", tipId, account);
  }

  private static String account() {
    return "71" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
  }

  private static AccountRefV1 ref(String account) {
    return new AccountRefV1(BANK, account, 1);
  }

  private static CaseEventV1 event(UUID caseId, CaseEventKind kind, List<AccountRefV1> accounts) {
    Instant now = Instant.now();
    return new CaseEventV1(
        UUID.randomUUID(),
        caseId,
        "VN-0A1B2C3E",
        kind,
        now,
        CaseStatus.IN_PROGRESS,
        "PA05-01",
        null,
        List.of(),
        List.of(),
        accounts,
        null,
        kind.name(),
        kind == CaseEventKind.ACCOUNT_TRACED ? "970422" : null,
        kind == CaseEventKind.FREEZE_REQUESTED
            ? new FreezeAuthorisationV1(UUID.randomUUID(), "PA05-01", now, false)
            : null);
  }
}
