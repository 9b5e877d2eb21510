package io.fraudtip.intake.service;

import io.fraudtip.commons.ratelimit.Buckets;
import io.fraudtip.intake.config.IntakeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * The tip endpoints' token buckets per source address and per client, in this instance's memory
 * ({@code max-tracked-callers} at most of each).
 */
@ApplicationScoped
public class RateLimits {
  private final boolean enabled;
  private final Buckets addresses;
  private final Buckets clients;
  private final Buckets evidenceBytes;

  RateLimits(IntakeConfig config) {
    IntakeConfig.RateLimits limits = config.rateLimits();
    this.enabled = limits.enabled();
    this.addresses = new Buckets(limits.perAddress(), limits.maxTrackedCallers());
    this.clients = new Buckets(limits.perClient(), limits.maxTrackedCallers());
    this.evidenceBytes = new Buckets(limits.evidenceBytesPerAddress(), limits.maxTrackedCallers());
  }

  /**
   * Takes an upload's bytes from the address's allowance of evidence bytes.
   *
   * @return how long to wait when the allowance is spent; empty when the upload may go on
   */
  public Optional<Duration> takeEvidenceBytes(String address, long bytes) {
    return enabled ? evidenceBytes.take(address, bytes) : Optional.empty();
  }

  /**
   * Takes one request from the address's bucket and, when the caller names a client, from the
   * client's.
   *
   * @param client the bearer token's subject or an API key's digest, or null
   * @return how long to wait when a limit is reached; empty when the request may go on
   */
  public Optional<Duration> take(String address, String client) {
    if (!enabled) {
      return Optional.empty();
    }
    Optional<Duration> wait = addresses.take(address);
    if (wait.isEmpty() && client != null) {
      wait = clients.take(client);
    }
    return wait;
  }
}
