package io.fraudtip.cases.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Quotas of case-service (SPEC §10): the anonymous endpoints (watchlist checks, disputes) per
 * source address and per client, banks and police by their token's subject, dispute filing per
 * identifier and per address, and the timeline lines outsiders can add to a case.
 */
@ConfigMapping(prefix = "fraudtip.quotas")
public interface QuotaConfig {
  /** Whether the request rate limits apply (the dispute and timeline bounds always do). */
  @WithDefault("true")
  boolean enabled();

  /** Requests of one source address (IP) to the anonymous endpoints. */
  @WithDefault("120")
  long perAddressCapacity();

  /** Requests of one client (token subject other than a bank or police, or API key). */
  @WithDefault("600")
  long perClientCapacity();

  /**
   * Requests of one bank token subject to any endpoint: a bank screens every outgoing transfer, so
   * this is sized to SPEC §9's check rate (10,000 a second), a bound on a runaway client, not a
   * business limit.
   */
  @WithDefault("600000")
  long perBankCapacity();

  /** Requests of one police token subject to any endpoint. */
  @WithDefault("1200")
  long perPoliceCapacity();

  /** The period over which each of these capacities refills. */
  @WithDefault("1m")
  Duration period();

  /** Most buckets of each kind kept in memory at once (least recently used go first). */
  @WithDefault("100000")
  long maxTrackedCallers();

  /** Dispute filing. */
  Disputes disputes();

  /** Timeline lines caused by outsiders (tips joining a case, disputes filed). */
  Timeline timeline();

  /** Bounds of dispute filing. */
  interface Disputes {
    /** Open disputes one identifier may have at once; one more is 409. */
    @WithDefault("3")
    long maxOpenPerIdentifier();

    /** Disputes one source address may file per day (refused ones do not count); more are 429. */
    @WithDefault("5")
    long perAddressPerDay();
  }

  /** Bound of a case's timeline. */
  interface Timeline {
    /**
     * Lines outsiders may add to one case in 24 hours (tips joining it, disputes filed); past it
     * the tip or dispute is kept and counted, only its timeline line is left out.
     */
    @WithDefault("200")
    long maxOutsiderEntriesPerDay();
  }
}
