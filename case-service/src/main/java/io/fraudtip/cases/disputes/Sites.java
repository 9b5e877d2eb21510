package io.fraudtip.cases.disputes;

import io.fraudtip.cases.linking.CaseIdentifier;
import io.fraudtip.cases.linking.Identifiers;
import io.fraudtip.contracts.tips.IdentifierType;
import java.util.List;
import java.util.Locale;

/**
 * A site is its domain and its pages, and a check of a page answers by its domain too: an upheld
 * dispute about one of them that left the other listed would leave the holder's site listed after
 * the decision. What a decision takes off with the identifier disputed, among its case's other
 * listed identifiers:
 *
 * <ul>
 *   <li>a domain: its pages and its sub-domains;
 *   <li>a page: the domains it is on that no other listed page of the case is on (another reported
 *       page keeps the site listed; its holder disputes the domain).
 * </ul>
 */
final class Sites {
  private Sites() {}

  /** The identifiers of {@code ofCase} that an upheld dispute of {@code disputed} delists too. */
  static List<CaseIdentifier> coveredBy(CaseIdentifier disputed, List<CaseIdentifier> ofCase) {
    List<CaseIdentifier> listed =
        ofCase.stream()
            .filter(i -> !i.id.equals(disputed.id) && i.delistedAt == null && i.retiredAt == null)
            .toList();
    return switch (disputed.type) {
      case DOMAIN -> listed.stream().filter(i -> on(hostOf(i), disputed.value)).toList();
      case URL -> {
        String host = hostOf(disputed);
        List<CaseIdentifier> pages =
            listed.stream().filter(i -> i.type == IdentifierType.URL).toList();
        yield listed.stream()
            .filter(i -> i.type == IdentifierType.DOMAIN && on(host, i.value))
            .filter(d -> pages.stream().noneMatch(p -> on(hostOf(p), d.value)))
            .toList();
      }
      case PHONE, BANK_ACCOUNT, SOCIAL_ACCOUNT, CRYPTO_WALLET, APP_PACKAGE -> List.of();
    };
  }

  /** Whether a host is the domain or below it. */
  static boolean on(String host, String domain) {
    return host != null && (host.equals(domain) || host.endsWith("." + domain));
  }

  /** The host a domain or page identifier names; null for other types or an unreadable URL. */
  static String hostOf(CaseIdentifier i) {
    return switch (i.type) {
      case DOMAIN -> i.value;
      case URL -> {
        String host = Identifiers.host(i.value);
        yield host == null ? null : host.toLowerCase(Locale.ROOT);
      }
      case PHONE, BANK_ACCOUNT, SOCIAL_ACCOUNT, CRYPTO_WALLET, APP_PACKAGE -> null;
    };
  }
}
