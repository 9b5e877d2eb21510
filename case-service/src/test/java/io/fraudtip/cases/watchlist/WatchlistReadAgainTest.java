package io.fraudtip.cases.watchlist;

import static io.fraudtip.cases.TestTips.tip;
import static io.fraudtip.cases.watchlist.WatchlistCacheTest.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.fraudtip.cases.TestTips;
import io.fraudtip.cases.linking.TipLinking;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectTokens;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Answers banks keep asking are read again in the background, never on a check's own path. */
@QuarkusTest
@TestProfile(WatchlistReadAgainTest.ShortCache.class)
@WithTestResource(PlatformTestResource.class)
class WatchlistReadAgainTest {
  /**
   * Answers kept 6 s, polled every 200 ms: one asked after 2.9 s is read again by the next poll.
   */
  public static class ShortCache implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "fraudtip.watchlist.cache-ttl", "6s", "fraudtip.watchlist.refresh-interval", "200ms");
    }
  }

  @InjectTokens Tokens tokens;
  @InjectDatabase TestDatabase db;
  @Inject TipLinking cases;
  @Inject Watchlist watchlist;

  @Test
  void anAnswerAskedAgainIsReadAgainBeforeItExpires() {
    String account = TestTips.account();
    String bank = tokens.bank(TestTips.VCB);
    cases.onTip(UUID.randomUUID(), tip().in("66", null).paid(account, 1_000_000).build());
    check(bank, account).body("listed", equalTo(true));
    long queries = watchlist.queries();
    long readAgain = watchlist.answersReadAgain();

    // Gone behind the service's back: only a read of the database can show it.
    db.update(
        "DELETE FROM identifier_evidence WHERE type = 'BANK_ACCOUNT' AND value = ?",
        TestTips.VCB + ":" + account);
    await().pollDelay(Duration.ofMillis(3_100)).until(() -> true);
    // In the second half of its life the cached answer is still given, and marked to read again.
    check(bank, account).body("listed", equalTo(true));

    // A poll reads it again before its 6 s are up: the change shows without any check querying.
    await()
        .atMost(Duration.ofMillis(2_500))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(() -> check(bank, account).body("listed", equalTo(false)));
    assertThat(watchlist.queries()).isEqualTo(queries);
    assertThat(watchlist.answersReadAgain()).isGreaterThan(readAgain);
  }
}
