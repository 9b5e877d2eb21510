package io.fraudtip.cases.quotas;

import io.fraudtip.cases.config.QuotaConfig;
import io.fraudtip.commons.ratelimit.Buckets;
import io.fraudtip.commons.ratelimit.TokenQuotas;
import io.fraudtip.commons.ratelimit.TokenQuotas.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * The request buckets of case-service, in this instance's memory: anonymous callers per address and
 * per client, banks and police per token subject, and dispute filing per address per day.
 */
@ApplicationScoped
public class RequestQuotas {
  private final boolean enabled;
  private final Buckets addresses;
  private final Buckets clients;
  private final TokenQuotas tokens;
  private final Buckets disputesPerAddress;

  RequestQuotas(QuotaConfig config) {
    long tracked = config.maxTrackedCallers();
    this.enabled = config.enabled();
    this.addresses = new Buckets(config.perAddressCapacity(), config.period(), tracked);
    this.clients = new Buckets(config.perClientCapacity(), config.period(), tracked);
    this.tokens =
        new TokenQuotas(
            config.enabled(),
            config.perBankCapacity(),
            config.perPoliceCapacity(),
            config.period(),
            tracked);
    this.disputesPerAddress =
        new Buckets(config.disputes().perAddressPerDay(), Duration.ofDays(1), tracked);
  }

  /**
   * Takes one request: a bank or police token from its subject's own, larger bucket; anyone else
   * from the address's bucket and, when it names a client, the client's.
   *
   * @return how long to wait when a limit is reached; empty when the request may go on
   */
  public Optional<Duration> take(Kind kind, String address, String client) {
    if (!enabled) {
      return Optional.empty();
    }
    return switch (kind) {
      case BANK, POLICE -> tokens.take(kind, client);
      case OTHER -> {
        Optional<Duration> wait = addresses.take(address);
        yield wait.isEmpty() && client != null ? clients.take(client) : wait;
      }
    };
  }

  /**
   * Takes one dispute filing from the address's daily allowance (everyone but banks, whose filings
   * their token's quota bounds).
   */
  public Optional<Duration> fileDispute(String address) {
    return disputesPerAddress.take(address);
  }

  /** Gives back the filing {@link #fileDispute} took for a dispute that was refused. */
  public void disputeRefused(String address) {
    disputesPerAddress.giveBack(address, 1);
  }
}
