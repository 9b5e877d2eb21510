package io.fraudtip.commons.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens that passed verification, kept for a short while: a client sends the same token
 * with every request (a bank screening transfers sends thousands a minute), and checking its RS256
 * signature each time cost more than the watchlist lookup itself in the benchmark's profile. Only
 * tokens that passed are kept, each until its own expiry at the latest; a token that fails is
 * checked again every time.
 */
@ApplicationScoped
public class VerifiedTokens {
  /** Verifies a token, as the JWT parser does. */
  @FunctionalInterface
  public interface Verifier {
    JsonWebToken verify(String token) throws ParseException;
  }

  /** A token kept, with its groups read once (reading them from the token copies them). */
  public record Kept(JsonWebToken token, Set<String> groups) {
    static Kept of(JsonWebToken token) {
      // A null in the token's groups names no role: it must not fail the token's verification.
      return new Kept(
          token,
          token.getGroups() == null
              ? Set.of()
              : token.getGroups().stream()
                  .filter(Objects::nonNull)
                  .collect(Collectors.toUnmodifiableSet()));
    }
  }

  private final Cache<Key, Kept> verified;
  private final Clock clock;
  private final Duration maxAge;

  @Inject
  VerifiedTokens(
      TokenCacheConfig config,
      @ConfigProperty(name = "mp.jwt.verify.token.age") Optional<Long> maxAgeSeconds) {
    this(
        config.maxTtl(),
        config.size(),
        Clock.systemUTC(),
        maxAgeSeconds.map(Duration::ofSeconds).orElse(null));
  }

  VerifiedTokens(Duration maxTtl, int size, Clock clock) {
    this(maxTtl, size, clock, null);
  }

  /**
   * @param maxAge the verifier's largest token age ({@code iat}), so that a kept token is not
   *     reused past it; null when ages are not checked
   */
  VerifiedTokens(Duration maxTtl, int size, Clock clock, Duration maxAge) {
    this.clock = clock;
    this.maxAge = maxAge;
    this.verified =
        maxTtl.isZero() || size <= 0
            ? null
            : Caffeine.newBuilder()
                .maximumSize(size)
                .expireAfter(untilExpiryOrAtMost(maxTtl))
                .build();
  }

  /** The verified token: kept from an earlier call, or verified now (and kept if it passes). */
  public JsonWebToken verify(String token, Verifier verifier) throws ParseException {
    if (verified == null || token == null) {
      return verifier.verify(token);
    }
    Key key = new Key(token, 0);
    Kept known = verified.getIfPresent(key);
    if (known != null) {
      return known.token();
    }
    JsonWebToken fresh = verifier.verify(token);
    if (remaining(fresh, Duration.ofDays(1)) > 0) {
      verified.put(key, Kept.of(fresh));
    }
    return fresh;
  }

  /**
   * The token as it was verified, when it is kept (verified earlier and not expired); empty
   * otherwise, and then only the verifier may judge it. For a route that answers before the
   * authentication handler and leaves any other request to it.
   */
  public Optional<Kept> kept(String token) {
    return kept(token, 0);
  }

  /**
   * {@link #kept(String)} of the token that starts at {@code from} in {@code text} (a header's
   * value after its scheme), read where it stands: a check per request need not copy it.
   */
  public Optional<Kept> kept(String text, int from) {
    return verified == null || text == null || from < 0 || from > text.length()
        ? Optional.empty()
        : Optional.ofNullable(verified.getIfPresent(new Key(text, from)));
  }

  private Expiry<Key, Kept> untilExpiryOrAtMost(Duration maxTtl) {
    return new Expiry<>() {
      @Override
      public long expireAfterCreate(Key key, Kept kept, long currentTime) {
        return Math.max(0, remaining(kept.token(), maxTtl));
      }

      @Override
      public long expireAfterUpdate(Key key, Kept kept, long currentTime, long currentDuration) {
        return expireAfterCreate(key, kept, currentTime);
      }

      @Override
      public long expireAfterRead(Key key, Kept kept, long currentTime, long currentDuration) {
        return currentDuration;
      }
    };
  }

  /** The characters of {@code text} from {@code from} on: equal to any key of the same ones. */
  private static final class Key {
    private final String text;
    private final int from;
    private final int hash;

    Key(String text, int from) {
      this.text = text;
      this.from = from;
      int h = 0;
      for (int i = from; i < text.length(); i++) {
        h = 31 * h + text.charAt(i);
      }
      this.hash = h;
    }

    private int length() {
      return text.length() - from;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && k.hash == hash
          && k.length() == length()
          && text.regionMatches(from, k.text, k.from, length());
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /**
   * Nanoseconds until the token expires or grows too old, at most {@code cap}; not positive once it
   * has.
   */
  private long remaining(JsonWebToken token, Duration cap) {
    long exp = token.getExpirationTime();
    if (exp <= 0) {
      return 0;
    }
    long end = Duration.ofSeconds(exp).toMillis();
    if (maxAge != null) {
      end = Math.min(end, Duration.ofSeconds(token.getIssuedAtTime()).plus(maxAge).toMillis());
    }
    long left = end - clock.millis();
    return Math.min(cap.toNanos(), Duration.ofMillis(left).toNanos());
  }
}
