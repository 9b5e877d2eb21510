package io.fraudtip.commons.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Optional;

/**
 * Token buckets (Bucket4j) of one {@link RateLimit}, one per key (an address, a client, a token
 * subject), in this instance's memory. Buckets idle longer than their refill period are full again
 * and are dropped, so memory stays bounded by the callers of the last period ({@code maxTracked} at
 * most).
 */
public final class Buckets {
  private final long capacity;
  private final Duration period;
  private final Cache<String, Bucket> buckets;

  public Buckets(RateLimit limit, long maxTracked) {
    this(limit.capacity(), limit.period(), maxTracked);
  }

  public Buckets(long capacity, Duration period, long maxTracked) {
    this.capacity = capacity;
    this.period = period;
    this.buckets = Caffeine.newBuilder().maximumSize(maxTracked).expireAfterAccess(period).build();
  }

  /**
   * Takes one request from the key's bucket.
   *
   * @return how long to wait when the bucket is empty; empty when the request may go on
   */
  public Optional<Duration> take(String key) {
    return take(key, 1);
  }

  /**
   * Takes {@code tokens} from the key's bucket at once (bytes of an upload, say): all or none.
   *
   * @return how long to wait until the bucket holds them; empty when they were taken
   */
  public Optional<Duration> take(String key, long tokens) {
    if (tokens <= 0) {
      return Optional.empty(); // nothing to take (an empty upload is refused on its own)
    }
    ConsumptionProbe probe =
        buckets.get(key, k -> bucket()).tryConsumeAndReturnRemaining(Math.min(tokens, capacity));
    return probe.isConsumed()
        ? Optional.empty()
        : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  /**
   * Gives back what {@link #take(String, long)} took for a request that turned out not to count (a
   * refused filing, say); the bucket never holds more than its capacity.
   */
  public void giveBack(String key, long tokens) {
    Bucket b = buckets.getIfPresent(key);
    if (b != null && tokens > 0) {
      b.addTokens(Math.min(tokens, capacity));
    }
  }

  private Bucket bucket() {
    return Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
        .build();
  }
}
