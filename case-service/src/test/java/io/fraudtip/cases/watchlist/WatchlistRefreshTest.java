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

/**
 * A cached answer asked for in the second half of its time to live is read again in the background
 * and keeps being answered from memory, never older than its time to live.
 */
@QuarkusTest
@TestProfile(WatchlistRefreshTest.ShortCache.class)
@WithTestResource(PlatformTestResource.class)
class WatchlistRefreshTest {
  private static final Duration TTL = Duration.ofSeconds(4);

  /** Answers kept for four seconds. */
  public static class ShortCache implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("fraudtip.watchlist.cache-ttl", TTL.toSeconds() + "s");
    }
  }

  @InjectTokens Tokens tokens;
  @InjectDatabase TestDatabase db;
  @Inject TipLinking cases;
  @Inject Watchlist watchlist;

  @Test
  void anAnswerAskedForIsReadAgainBeforeItExpires() throws InterruptedException {
    String account = TestTips.account();
    String bank = tokens.bank(TestTips.VCB);
    cases.onTip(UUID.randomUUID(), tip().in("66", null).paid(account, 1_000_000).build());
    check(bank, account).body("listed", equalTo(true));
    // The answer was kept before it was sent.
    long written = System.nanoTime();
    long queried = watchlist.queries();
    // Gone behind the service's back: the cached answer stands until it is read again.
    db.update(
        "DELETE FROM identifier_evidence WHERE type = 'BANK_ACCOUNT' AND value = ?",
        TestTips.VCB + ":" + account);

    sleepUntil(written, TTL.dividedBy(2).plusMillis(500));
    check(bank, account).body("listed", equalTo(true));
    await().atMost(Duration.ofSeconds(10)).until(() -> watchlist.queries() > queried);

    // Past the first answer's time to live: the answer read again in the background, from memory.
    sleepUntil(written, TTL.plusMillis(500));
    check(bank, account).body("listed", equalTo(false));
    assertThat(watchlist.queries()).isEqualTo(queried + 1);
  }

  private static void sleepUntil(long since, Duration after) throws InterruptedException {
    long left = after.toNanos() - (System.nanoTime() - since);
    if (left > 0) {
      Thread.sleep(Duration.ofNanos(left).toMillis() + 1);
    }
  }
}
