package io.fraudtip.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the bank webhook endpoints and of their delivery (SPEC §6). */
@ConfigMapping(prefix = "fraudtip.webhooks")
public interface WebhookConfig {
  /**
   * Whether endpoint URLs may be plain http and resolve to loopback, private or link-local
   * addresses: for the local stack and tests only, never in production.
   */
  @WithDefault("false")
  boolean allowLocalUrls();

  /**
   * Origins ({@code scheme://host:port}) that may be plain http on a local address while local URLs
   * are otherwise refused: a demo bank beside a stack that runs with production settings. Empty in
   * production.
   */
  Optional<List<String>> localOrigins();

  /**
   * The AES-256 key (32 bytes, Base64) that seals endpoints' signing secrets at rest. No default:
   * production sets it with the environment variable {@code FRAUDTIP_WEBHOOKS_SECRET_KEY}; losing
   * it means every bank must be given a new secret.
   */
  String secretKey();

  /**
   * Active endpoints one bank may have at once (a paused one, or one deleted and kept for its log,
   * holds no place); one more, or re-enabling one past it, is 409. Bounds what a bank's token can
   * make the platform call.
   */
  @WithDefault("10")
  int maxEndpointsPerBank();

  /** Length of new signing secrets in random bytes (the specification allows 24 to 64). */
  @WithDefault("32")
  int secretBytes();

  /** How long the previous secret keeps signing, beside the new one, after a rotation. */
  @WithDefault("24h")
  Duration rotationGrace();

  /**
   * The wait before each attempt of a delivery, the first being the first attempt: as many attempts
   * as entries, then the delivery is failed. The default starts fast because freezes are urgent: at
   * once, 5 s, 30 s, 2 min, 10 min, 30 min, 2 h, 5 h, 10 h, 14 h, then daily twice (the last
   * attempt about 56 hours after the alert, inside three days).
   */
  @WithDefault("0s,5s,30s,2m,10m,30m,2h,5h,10h,14h,24h,24h")
  List<Duration> retrySchedule();

  /** Random extra wait added to each retry, as a fraction of it (0.1 = up to 10 % later). */
  @WithDefault("0.1")
  double jitter();

  /** Longest {@code Retry-After} honoured; a bank cannot park its alerts for longer. */
  @WithDefault("6h")
  Duration maxRetryAfter();

  /** Time allowed to open a connection to a bank. */
  @WithDefault("5s")
  Duration connectTimeout();

  /**
   * The Quarkus TLS configuration ({@code quarkus.tls.<name>.*}) of the connections to banks: its
   * trust store, if it has one, holds the only authorities trusted for banks' certificates (for
   * banks certified by a private or national authority), and its key store, if it has one, is the
   * client certificate shown to banks that ask for one (mutual TLS). Unset: the JDK's authorities
   * and no client certificate. Banks' host names are checked against their certificates either way,
   * and a configuration that trusts all certificates is refused. A reload of the configuration
   * ({@code quarkus.tls.<name>.reload-period}) that changed a certificate applies without a
   * restart: the webhooks after it go out on new connections, and the connections opened before it
   * carry none and close once the attempts on them end.
   */
  Optional<String> tlsConfigurationName();

  /** Time allowed for a bank's answer once the request is sent. */
  @WithDefault("10s")
  Duration readTimeout();

  /**
   * Deliveries in flight at once to one endpoint, per instance: enough for a healthy bank to take
   * hundreds of alerts a second on a busy machine (with 32, 87 % of new deliveries found every slot
   * taken at 500 webhooks a second to one bank on {@code ./run-local}); a dead one holds only its
   * own slots.
   */
  @WithDefault("128")
  int maxInFlightPerEndpoint();

  /**
   * New deliveries to one endpoint that may wait in this instance's memory, leased to it, for a
   * slot in flight: a batch of tips raises hundreds at once, and each past the slots would
   * otherwise be written due and cost a claim (a transaction and a lease update) to be sent. Beyond
   * this they are written due for the claim.
   */
  @WithDefault("1000")
  int maxWaitingPerEndpoint();

  /** Due deliveries a dispatcher claims at once. */
  @WithDefault("100")
  int batchSize();

  /**
   * How often a dispatcher looks for due deliveries: a new delivery is handed to it in memory after
   * its commit; the poll finds retries coming due, rows of other instances and those left over.
   */
  @WithDefault("500ms")
  Duration pollInterval();

  /** Whether this instance dispatches deliveries; any number of instances may. */
  @WithDefault("true")
  boolean dispatcherEnabled();

  /** An endpoint that has failed for this long without a success is disabled. */
  @WithDefault("5d")
  Duration disableAfter();

  /**
   * How often endpoints are checked for {@link #disableAfter()} without a success, besides the
   * check at each failed attempt (an endpoint may have nothing left to send when its time runs
   * out).
   */
  @WithDefault("1h")
  Duration failingCheckInterval();

  /**
   * How old an alert may be and still go to an endpoint that becomes active (registered or
   * re-enabled) after it was raised with no endpoint of its bank taking its type: alerts have no
   * expiry of their own, and an advisory days old is news no more.
   */
  @WithDefault("72h")
  Duration backlogWindow();

  /** Characters of a bank's answer kept in the delivery log (at most 1,000, its column's size). */
  @WithDefault("1000")
  int responseBodyLimit();

  /**
   * Threads that record delivery results in the database, each many at once in one transaction
   * under load (each holds a connection briefly).
   */
  @WithDefault("2")
  int recorderThreads();

  /**
   * How long a recorder waits after the first result for more to share its transaction: banks
   * answer one by one, and each transaction costs a commit. The bank has its alert already.
   */
  @WithDefault("20ms")
  Duration recorderLinger();
}
