package io.fraudtip.intake.service;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.fraudtip.intake.config.IntakeConfig;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * Token buckets (Bucket4j) per source address and per client, in this instance's memory. Buckets
 * idle longer than their refill period are full again and are dropped, so memory stays bounded by
 * the callers of the last period ({@code max-tracked-callers} at most).
 */
@ApplicationScoped
public class RateLimits {
  private final IntakeConfig.RateLimits config;
  private final Cache<String, Bucket> addresses;
  private final Cache<String, Bucket> clients;

  RateLimits(IntakeConfig config) {
    this.config = config.rateLimits();
    this.addresses = cache(this.config.perAddress());
    this.clients = cache(this.config.perClient());
  }

  /**
   * Takes one request from the address's bucket and, when the caller names a client, from the
   * client's.
   *
   * @param client the bearer token's subject or an API key's digest, or null
   * @return how long to wait when a limit is reached; empty when the request may go on
   */
  public Optional<Duration> take(String address, String client) {
    if (!config.enabled()) {
      return Optional.empty();
    }
    Optional<Duration> wait = take(addresses, config.perAddress(), address);
    if (wait.isEmpty() && client != null) {
      wait = take(clients, config.perClient(), client);
    }
    return wait;
  }

  private static Optional<Duration> take(
      Cache<String, Bucket> buckets, IntakeConfig.Limit limit, String key) {
    Bucket bucket;
    try {
      bucket = buckets.get(key, () -> bucket(limit));
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    return probe.isConsumed()
        ? Optional.empty()
        : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  private static Bucket bucket(IntakeConfig.Limit limit) {
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(limit.capacity())
                .refillGreedy(limit.capacity(), limit.period())
                .build())
        .build();
  }

  private Cache<String, Bucket> cache(IntakeConfig.Limit limit) {
    return CacheBuilder.newBuilder()
        .maximumSize(config.maxTrackedCallers())
        .expireAfterAccess(limit.period())
        .build();
  }
}
