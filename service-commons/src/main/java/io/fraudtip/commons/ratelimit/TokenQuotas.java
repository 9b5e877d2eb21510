package io.fraudtip.commons.ratelimit;

import io.fraudtip.commons.security.Roles;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The quotas banks and police have by their token's subject (SPEC §10 "Quotas"), on any endpoint of
 * a service: a bound on a runaway or stolen client, not a business limit. Operators and anyone else
 * are not counted here (a service limits its anonymous endpoints per address and client).
 */
public final class TokenQuotas {
  /** Who is calling, as far as quotas go. */
  public enum Kind {
    BANK,
    POLICE,
    /** Anyone else: anonymous, a reporter client, an API key, an operator. */
    OTHER;

    /**
     * The kind of an authenticated caller from its roles (an operator's requests are not limited as
     * a bank's or a unit's).
     */
    public static Kind of(Predicate<String> hasRole) {
      if (hasRole.test(Roles.OPERATOR)) {
        return OTHER;
      }
      if (hasRole.test(Roles.BANK)) {
        return BANK;
      }
      return hasRole.test(Roles.POLICE) ? POLICE : OTHER;
    }

    /** The kind of the request's caller; {@link #OTHER} when it is not authenticated. */
    public static Kind of(SecurityContext security) {
      return security == null || security.getUserPrincipal() == null
          ? OTHER
          : of(security::isUserInRole);
    }
  }

  private final boolean enabled;
  private final Buckets banks;
  private final Buckets police;

  /**
   * @param enabled whether the quotas apply
   * @param perBank requests of one bank token subject per period
   * @param perPolice requests of one police token subject per period
   * @param period the period over which both refill
   * @param maxTracked most buckets of each kind kept in memory at once
   */
  public TokenQuotas(
      boolean enabled, long perBank, long perPolice, Duration period, long maxTracked) {
    this.enabled = enabled;
    this.banks = new Buckets(perBank, period, maxTracked);
    this.police = new Buckets(perPolice, period, maxTracked);
  }

  /**
   * Takes one request of a bank or police caller from its subject's bucket.
   *
   * @param subject the caller as {@link TooManyRequests#client} names it
   * @return how long to wait when the quota is spent; empty when the request may go on (always for
   *     {@link Kind#OTHER})
   */
  public Optional<Duration> take(Kind kind, String subject) {
    if (!enabled || subject == null) {
      return Optional.empty();
    }
    return switch (kind) {
      case BANK -> banks.take(subject);
      case POLICE -> police.take(subject);
      case OTHER -> Optional.empty();
    };
  }
}
