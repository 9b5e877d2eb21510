package io.fraudtip.intake.config;

import io.fraudtip.commons.ratelimit.RateLimit;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of tip intake. */
@ConfigMapping(prefix = "fraudtip.intake")
public interface IntakeConfig {
  /** Input rules. */
  Input input();

  /** Idempotency-Key handling. */
  Idempotency idempotency();

  /** Encryption of reporters' personal data. */
  PersonalData personalData();

  /** Rate limits of the tip endpoints. */
  RateLimits rateLimits();

  /** Group commit: accepted tips are written in micro-batches, one durable commit each. */
  GroupCommit groupCommit();

  /** case-service's signed calls for a reporter's contact (the only way it is ever opened). */
  ContactReads contactReads();

  /** Input rules. */
  interface Input {
    /** Oldest time a tip may report (fraud happened, transfer made), counted back from now. */
    @WithDefault("P3650D")
    Duration maxAge();

    /** How far in the future a reported time may be, to allow for callers' clocks. */
    @WithDefault("5m")
    Duration clockSkew();
  }

  /** Idempotency-Key handling. */
  interface Idempotency {
    /**
     * How long a key is remembered: a retry within this time gets the first answer; after it the
     * key is forgotten and the same key starts a new tip.
     */
    @WithDefault("24h")
    Duration expiry();
  }

  /** Encryption of reporters' personal data. */
  interface PersonalData {
    /**
     * The AES-256 key (32 bytes, Base64) that seals reporters' personal data at rest. No default:
     * production sets it with the environment variable {@code FRAUDTIP_INTAKE_PERSONAL_DATA_KEY}.
     */
    String key();
  }

  /** Rate limits of the tip endpoints, per source address and per client. */
  interface RateLimits {
    /** Whether rate limits apply. */
    @WithDefault("true")
    boolean enabled();

    /** Requests of one source address (IP). */
    RateLimit perAddress();

    /** Requests of one client (bearer-token subject or API key), when the caller names one. */
    RateLimit perClient();

    /**
     * Bytes of evidence files one source address may upload (the capacity) per period: what a tip's
     * request limit leaves (ten files of the largest size to each of 120 tips a minute) would fill
     * the disk. A file whose length is not announced counts as one of the largest size.
     */
    RateLimit evidenceBytesPerAddress();

    /** Most client and address buckets kept in memory at once (least recently used go first). */
    @WithDefault("100000")
    long maxTrackedCallers();
  }

  /**
   * Group commit of accepted tips: a batch closes when it holds {@code max-tips} tips or {@code
   * max-wait} after its first tip arrived, whichever comes first (at once when that tip came alone,
   * {@code alone-after}), and is written in one transaction.
   */
  interface GroupCommit {
    /** Most tips written in one transaction. */
    @WithDefault("200")
    int maxTips();

    /**
     * Longest time the first tip of a batch waits for others before the batch is written, when tips
     * come close together ({@code alone-after}): the latency it pays so that tips under load share
     * one commit.
     */
    @WithDefault("5ms")
    Duration maxWait();

    /**
     * A tip that comes longer than this after the one before it does not wait for others: at a few
     * tips a second none would come within {@code max-wait}, and the wait would only delay it.
     */
    @WithDefault("10ms")
    Duration aloneAfter();

    /**
     * Most checked tips waiting for their batch; beyond it a tip is refused with 503 at once rather
     * than queued without bound.
     */
    @WithDefault("10000")
    int maxPending();
  }

  /**
   * case-service's signed calls for a reporter's contact: a police unit's logged read of one tip of
   * its case ({@code POST /internal/v1/tips/{tipId}/contact}).
   */
  interface ContactReads {
    /**
     * The key (at least 32 bytes, Base64) case-service signs its calls with; the same value as
     * case-service's {@code fraudtip.cases.contact-reads.key}. Unset: no contact is ever disclosed
     * (503). Production sets {@code FRAUDTIP_INTAKE_CONTACT_READS_KEY}.
     */
    Optional<String> key();

    /** How far a call's timestamp may be from our clock: an older signed call is refused. */
    @WithDefault("60s")
    Duration tolerance();
  }
}
