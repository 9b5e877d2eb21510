package io.fraudtip.commons.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {
  private final AtomicInteger verifications = new AtomicInteger();

  private VerifiedTokens.Verifier passingUntil(long expEpochSeconds) {
    return token -> {
      verifications.incrementAndGet();
      JwtClaims claims = new JwtClaims();
      claims.setSubject("bank-970422");
      claims.setStringListClaim("groups", "bank");
      claims.setExpirationTime(NumericDate.fromSeconds(expEpochSeconds));
      return new DefaultJWTCallerPrincipal(token, claims);
    };
  }

  private static long inSeconds(long s) {
    return System.currentTimeMillis() / 1000 + s;
  }

  @Test
  void aTokenThatPassedIsNotVerifiedAgain() throws ParseException {
    var tokens = new VerifiedTokens(Duration.ofSeconds(60), 100, Clock.systemUTC());
    JsonWebToken first = tokens.verify("t1", passingUntil(inSeconds(300)));
    JsonWebToken second = tokens.verify("t1", passingUntil(inSeconds(300)));

    assertThat(second).isSameAs(first);
    assertThat(verifications).hasValue(1);
    tokens.verify("t2", passingUntil(inSeconds(300)));
    assertThat(verifications).hasValue(2);
  }

  @Test
  void aTokenThatFailedIsVerifiedEveryTime() {
    var tokens = new VerifiedTokens(Duration.ofSeconds(60), 100, Clock.systemUTC());
    VerifiedTokens.Verifier refusing =
        token -> {
          verifications.incrementAndGet();
          throw new ParseException("bad signature");
        };

    assertThatThrownBy(() -> tokens.verify("forged", refusing)).isInstanceOf(ParseException.class);
    assertThatThrownBy(() -> tokens.verify("forged", refusing)).isInstanceOf(ParseException.class);
    assertThat(verifications).hasValue(2);
  }

  @Test
  void aKeptTokenIsFoundOnlyByTheSameCharactersWhereverItStands() throws Exception {
    var tokens = new VerifiedTokens(Duration.ofSeconds(60), 100, Clock.systemUTC());
    tokens.verify("Aa", passingUntil(inSeconds(300)));
    tokens.verify("t1", passingUntil(inSeconds(300)));
    int from = "Bearer ".length();

    assertThat(tokens.kept("Bearer Aa", from)).isPresent();
    // "BB" has the hash of "Aa"; a NUL before "t1" keeps its hash, one character longer.
    assertThat("BB".hashCode()).isEqualTo("Aa".hashCode());
    assertThat(tokens.kept("Bearer BB", from)).isEmpty();
    assertThat("\u0000t1".hashCode()).isEqualTo("t1".hashCode());
    assertThat(tokens.kept("Bearer \u0000t1", from)).isEmpty();
    assertThat(tokens.kept("Bearer ", from)).isEmpty();
    assertThat(tokens.kept("Bearer", from)).isEmpty();
    assertThat(tokens.kept("t1", -1)).isEmpty();
  }

  @Test
  void aTokensGroupsAreKeptOnceWithoutNullsAndCannotBeChanged() throws Exception {
    var tokens = new VerifiedTokens(Duration.ofSeconds(60), 100, Clock.systemUTC());
    tokens.verify(
        "odd",
        token -> {
          JwtClaims claims = new JwtClaims();
          claims.setSubject("bank-970422");
          claims.setClaim("groups", Arrays.asList("bank", null));
          claims.setExpirationTime(NumericDate.fromSeconds(inSeconds(300)));
          return new DefaultJWTCallerPrincipal(token, claims);
        });

    Set<String> groups = tokens.kept("odd").orElseThrow().groups();
    assertThat(groups).containsExactly("bank");
    assertThatThrownBy(() -> groups.add("operator"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void onlyATokenThatPassedIsKeptAndKeptNeverVerifies() throws Exception {
    var tokens = new VerifiedTokens(Duration.ofSeconds(60), 100, Clock.systemUTC());
    assertThat(tokens.kept("t1")).isEmpty();
    assertThatThrownBy(
            () ->
                tokens.verify(
                    "forged",
                    token -> {
                      throw new ParseException("bad signature");
                    }))
        .isInstanceOf(ParseException.class);
    JsonWebToken passed = tokens.verify("t1", passingUntil(inSeconds(300)));

    assertThat(tokens.kept("t1")).map(VerifiedTokens.Kept::token).containsSame(passed);
    assertThat(tokens.kept("Bearer t1", "Bearer ".length()))
        .map(VerifiedTokens.Kept::token)
        .containsSame(passed);
    assertThat(tokens.kept("t1").orElseThrow().groups()).containsExactly("bank");
    assertThat(tokens.kept("Bearer t1x", "Bearer ".length())).isEmpty();
    assertThat(tokens.kept("Bearer t", "Bearer ".length())).isEmpty();
    assertThat(tokens.kept("forged")).isEmpty();
    assertThat(tokens.kept(null)).isEmpty();
    assertThat(verifications).hasValue(1);
  }

  @Test
  void aKeptTokenGoesAtItsOwnExpiry() throws Exception {
    var tokens = new VerifiedTokens(Duration.ofSeconds(60), 100, Clock.systemUTC());
    // Expiry is in whole seconds: 1 to 2 s left.
    long exp = inSeconds(2);
    tokens.verify("short", passingUntil(exp));
    assertThat(tokens.kept("short")).isPresent();
    while (System.currentTimeMillis() < exp * 1000 + 50) {
      Thread.sleep(50);
    }

    assertThat(tokens.kept("short")).isEmpty();
  }

  @Test
  void aTokenIsKeptNoLongerThanItsOwnExpiry() throws Exception {
    var tokens = new VerifiedTokens(Duration.ofSeconds(60), 100, Clock.systemUTC());
    // Expires within a second or two: the kept answer must go with it.
    long exp = inSeconds(1);
    tokens.verify("short", passingUntil(exp));
    while (System.currentTimeMillis() < exp * 1000 + 50) {
      Thread.sleep(50);
    }
    tokens.verify("short", passingUntil(exp));

    assertThat(verifications).hasValue(2);
  }

  @Test
  void aTokenIsKeptNoLongerThanTheMaximum() throws Exception {
    var tokens = new VerifiedTokens(Duration.ofMillis(200), 100, Clock.systemUTC());
    tokens.verify("t", passingUntil(inSeconds(300)));
    Thread.sleep(300);
    tokens.verify("t", passingUntil(inSeconds(300)));

    assertThat(verifications).hasValue(2);
  }

  @Test
  void anExpiredTokenIsNeverKept() throws ParseException {
    var tokens = new VerifiedTokens(Duration.ofSeconds(60), 100, Clock.systemUTC());
    // A verifier with a grace period may pass a token just past its expiry.
    tokens.verify("late", passingUntil(inSeconds(-5)));
    tokens.verify("late", passingUntil(inSeconds(-5)));

    assertThat(verifications).hasValue(2);
  }

  @Test
  void zeroTurnsTheCacheOff() throws ParseException {
    var tokens = new VerifiedTokens(Duration.ZERO, 100, Clock.systemUTC());
    tokens.verify("t", passingUntil(inSeconds(300)));
    tokens.verify("t", passingUntil(inSeconds(300)));

    assertThat(verifications).hasValue(2);
  }

  @Test
  void aTokenIsKeptNoLongerThanTheVerifiersMaximumAge() throws Exception {
    // Issued 9.8 s ago with a 10 s maximum age: too old in 200 ms, though it expires in 5 minutes.
    var tokens =
        new VerifiedTokens(Duration.ofSeconds(60), 100, Clock.systemUTC(), Duration.ofSeconds(10));
    long now = System.currentTimeMillis();
    VerifiedTokens.Verifier issuedAlmostTooLongAgo =
        token -> {
          verifications.incrementAndGet();
          JwtClaims claims = new JwtClaims();
          claims.setSubject("bank-970422");
          claims.setIssuedAt(NumericDate.fromMilliseconds(now - 9_800));
          claims.setExpirationTime(NumericDate.fromSeconds(inSeconds(300)));
          return new DefaultJWTCallerPrincipal(token, claims);
        };
    tokens.verify("t", issuedAlmostTooLongAgo);
    Thread.sleep(1_300);
    tokens.verify("t", issuedAlmostTooLongAgo);

    assertThat(verifications).hasValue(2);
  }
}
