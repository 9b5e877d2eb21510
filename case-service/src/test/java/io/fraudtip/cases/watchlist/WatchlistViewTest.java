package io.fraudtip.cases.watchlist;

import static io.fraudtip.cases.TestTips.caseOf;
import static io.fraudtip.cases.TestTips.tip;
import static io.fraudtip.cases.watchlist.WatchlistCacheTest.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.fraudtip.cases.TestTips;
import io.fraudtip.cases.config.WatchlistConfig;
import io.fraudtip.cases.linking.TipLinking;
import io.fraudtip.contracts.tips.IdentifierType;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectTokens;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The in-memory view of identifiers with evidence: unknown identifiers are answered from memory on
 * the event loop, new evidence shows at once on this instance and within the refresh interval when
 * another instance wrote it, and delisting stays exact.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class WatchlistViewTest {
  @InjectTokens Tokens tokens;
  @InjectDatabase TestDatabase db;
  @Inject TipLinking cases;
  @Inject Watchlist watchlist;
  @Inject ListedIdentifiers view;
  @Inject WatchlistConfig config;

  @Test
  void anUnknownIdentifierIsAnsweredOnTheEventLoopWithoutTheDatabase() {
    assertThat(view.loaded()).isTrue();
    String account = TestTips.account();
    long queries = watchlist.queries();
    long onEventLoop = watchlist.memoryAnswersOnEventLoop();

    check(tokens.bank(TestTips.VCB), account)
        .body("listed", equalTo(false))
        .body("riskLevel", equalTo("NONE"));
    check(null, account).body("listed", equalTo(false));

    assertThat(watchlist.queries()).isEqualTo(queries);
    assertThat(watchlist.memoryAnswersOnEventLoop()).isEqualTo(onEventLoop + 2);
  }

  @Test
  void evidenceRecordedOnThisInstanceIsListedAtOnce() {
    String account = TestTips.account();
    check(null, account).body("listed", equalTo(false));
    long queries = watchlist.queries();

    cases.onTip(UUID.randomUUID(), tip().in("66", null).paid(account, 1_000_000).build());

    check(tokens.bank(TestTips.VCB), account)
        .body("listed", equalTo(true))
        .body("riskLevel", equalTo("LOW"));
    // Answered by the database (the view only says "maybe").
    assertThat(watchlist.queries()).isEqualTo(queries + 1);
  }

  @Test
  void evidenceAnotherInstanceWroteIsListedWithinTheRefreshInterval() {
    String account = TestTips.account();
    String value = TestTips.VCB + ":" + account;
    check(null, account).body("listed", equalTo(false));

    // Written as another instance would: no event on this one.
    db.update(
        "INSERT INTO identifier_evidence (type, value, kind, at, tip_id, address_key)"
            + " VALUES ('BANK_ACCOUNT', ?, 'REPORT', now(), ?, ?)",
        value,
        UUID.randomUUID(),
        "address-" + account);
    assertThat(view.mayBeListed(IdentifierType.BANK_ACCOUNT, value)).isFalse();

    await()
        .atMost(config.refreshInterval().plus(Duration.ofSeconds(5)))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(() -> check(null, account).body("listed", equalTo(true)));
  }

  @Test
  void aDelistedIdentifierReadsNotListed() {
    String account = TestTips.account();
    TipReceivedV1 unfounded = tip().in("66", "24133").paid(account, 1_000_000).build();
    cases.onTip(UUID.randomUUID(), unfounded);
    check(tokens.bank(TestTips.VCB), account).body("listed", equalTo(true));

    Map<String, Object> closed = caseOf(db, unfounded.tipId());
    TestTips.close(tokens, (UUID) closed.get("id"), (String) closed.get("unit_code"), "UNFOUNDED");

    // Still in the view (it only grows): the database answers, exactly.
    assertThat(view.mayBeListed(IdentifierType.BANK_ACCOUNT, TestTips.VCB + ":" + account))
        .isTrue();
    check(tokens.bank(TestTips.VCB), account)
        .body("listed", equalTo(false))
        .body("riskLevel", equalTo("NONE"));
  }
}
