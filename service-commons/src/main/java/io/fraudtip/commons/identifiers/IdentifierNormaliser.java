package io.fraudtip.commons.identifiers;

import io.fraudtip.commons.problem.InvalidValue;
import io.fraudtip.contracts.banks.AccountNumbers;
import io.fraudtip.contracts.banks.BankAccount;
import io.fraudtip.contracts.banks.BankDirectory;
import io.fraudtip.contracts.tips.IdentifierType;
import io.fraudtip.contracts.tips.IdentifierV1;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one normal form of every scammer identifier, for every service that takes one from a person:
 * a tip (intake), a watchlist check, an allow-list entry, a dispute, a police search
 * (case-service). A phone number, an account, a URL or a domain typed in any of them is the same
 * value everywhere, the value {@link IdentifierV1} carries: E.164 phone (old 11-digit mobiles
 * converted), {@code BIN:account}, normalised URL, registrable domain, {@code PLATFORM:handle},
 * wallet, package.
 *
 * <p>Strict methods refuse a bad value with an {@link InvalidValue} whose code names the rule
 * ({@code phone.invalid}, {@code bank.unknown}, {@code account.invalid}, {@code url.*}); messages
 * for them are in the platform's problem bundle.
 */
public class IdentifierNormaliser {
  private static final Pattern PHONE_LIKE = Pattern.compile("\\+?[0-9][0-9\\s.()\\-]{5,}");

  private final PhoneNormaliser phones;
  private final UrlNormaliser urls;
  private final BankDirectory banks;

  public IdentifierNormaliser(PhoneNormaliser phones, UrlNormaliser urls, BankDirectory banks) {
    this.phones = phones;
    this.urls = urls;
    this.banks = banks;
  }

  /** The platform's normaliser: one per service, read once (the prefix table, the banks). */
  public static IdentifierNormaliser standard() {
    return Standard.INSTANCE;
  }

  private static final class Standard {
    static final IdentifierNormaliser INSTANCE =
        new IdentifierNormaliser(new PhoneNormaliser(), new UrlNormaliser(), new BankDirectory());
  }

  /**
   * A phone number in E.164 with its region; foreign when not Vietnamese.
   *
   * @throws InvalidValue {@code phone.invalid}
   */
  public IdentifierV1 phone(String typed) {
    PhoneNormaliser.Phone p = phones.normalise(typed);
    return new IdentifierV1(IdentifierType.PHONE, p.e164(), null, p.region(), p.foreign());
  }

  /**
   * A URL and its registrable domain, or only the domain (a bare registrable domain typed), or only
   * the URL (an IP address has no domain; a shared platform's domain identifies no one, {@link
   * UrlNormaliser#isSharedPlatform}); the URL first.
   *
   * @throws InvalidValue {@code url.invalid}, {@code url.scheme}, {@code url.host}, {@code
   *     url.domain}, {@code url.shared-platform} for a shared platform's domain or home page alone
   */
  public List<IdentifierV1> site(String typed) {
    UrlNormaliser.Site site = urls.normalise(typed);
    boolean shared = UrlNormaliser.isSharedPlatform(site.domain());
    if (shared
        && (site.url() == null
            || isHomePage(site.url()) && isPlatformsOwnHost(host(site.url()), site.domain()))) {
      // A shared platform named alone (facebook.com, https://www.facebook.com/): no one's. A
      // site a user has on a sub-domain of one (https://vay-nhanh.mystrikingly.com/) is its page.
      throw new InvalidValue("url.shared-platform");
    }
    List<IdentifierV1> forms = new ArrayList<>(2);
    if (site.url() != null) {
      forms.add(new IdentifierV1(IdentifierType.URL, site.url(), null, null, false));
    }
    // A page on a shared platform is its own: its domain would link and list everybody's pages.
    if (site.domain() != null && !shared) {
      forms.add(new IdentifierV1(IdentifierType.DOMAIN, site.domain(), null, null, false));
    }
    return forms;
  }

  /** Whether the host is the platform's own: its domain, or its www. or m. (mobile) host. */
  private static boolean isPlatformsOwnHost(String host, String domain) {
    return host.equals(domain) || host.equals("www." + domain) || host.equals("m." + domain);
  }

  /** Whether a normalised URL is a host's home page: no path but "/", no query. */
  private static boolean isHomePage(String url) {
    int path = url.indexOf('/', url.indexOf("://") + 3);
    return path < 0 || url.substring(path).equals("/");
  }

  /**
   * A domain, host or URL checked as a DOMAIN: its host when that is below the registrable domain
   * ({@code login.evil.com}), then the registrable domain ({@code evil.com}), which is what intake
   * stores beside a URL.
   *
   * @throws InvalidValue as {@link #site}, and {@code url.domain} for an IP address
   */
  public List<IdentifierV1> domains(String typed) {
    UrlNormaliser.Site site = urls.normalise(typed);
    if (site.domain() == null) {
      throw new InvalidValue("url.domain");
    }
    IdentifierV1 registrable =
        new IdentifierV1(IdentifierType.DOMAIN, site.domain(), null, null, false);
    String host = site.url() == null ? site.domain() : host(site.url());
    return host.equals(site.domain())
        ? List.of(registrable)
        : List.of(new IdentifierV1(IdentifierType.DOMAIN, host, null, null, false), registrable);
  }

  /** The host of a normalised URL with a domain name (no user info, no IP literal). */
  private static String host(String url) {
    int start = url.indexOf("://") + 3;
    int end = url.indexOf('/', start);
    String authority = url.substring(start, end < 0 ? url.length() : end);
    int colon = authority.indexOf(':');
    return colon < 0 ? authority : authority.substring(0, colon);
  }

  /**
   * The NAPAS BIN of a bank given by BIN, code or name (current or former).
   *
   * @throws InvalidValue {@code bank.unknown}
   */
  public String bankBin(String typed) {
    return banks
        .find(typed)
        .orElseThrow(() -> new InvalidValue("bank.unknown", Map.of("bank", typed.strip())))
        .bin();
  }

  /**
   * An account number without spaces, dots and dashes, in upper case.
   *
   * @throws InvalidValue {@code account.invalid} when it is not 4 to 30 letters and digits
   */
  public String accountNumber(String typed) {
    String account = AccountNumbers.normalise(typed);
    if (!AccountNumbers.valid(account)) {
      throw new InvalidValue("account.invalid");
    }
    return account;
  }

  /** A bank account at a bank, as {@code BIN:account}. */
  public IdentifierV1 bankAccount(String bin, String accountNumber) {
    return new IdentifierV1(
        IdentifierType.BANK_ACCOUNT, new BankAccount(bin, accountNumber).value(), bin, null, false);
  }

  /**
   * A bank account typed as {@code bank:account} (the bank by BIN, code or name), or a bare account
   * number: then the value is the account number alone and the bank BIN is null (a search looks for
   * it at every bank).
   *
   * @throws InvalidValue {@code bank.unknown}, {@code account.invalid}
   */
  public IdentifierV1 bankAccount(String typed) {
    int colon = typed.indexOf(':');
    if (colon < 0) {
      return new IdentifierV1(IdentifierType.BANK_ACCOUNT, accountNumber(typed), null, null, false);
    }
    String bin = bankBin(typed.substring(0, colon));
    return bankAccount(bin, accountNumber(typed.substring(colon + 1)));
  }

  /**
   * A social-network account as {@code PLATFORM:handle}, the handle in its one form ({@link
   * SocialHandles}): a messenger's phone number in E.164, a username without {@code @} and in lower
   * case, the name out of a profile link.
   */
  public IdentifierV1 socialAccount(String platform, String handle) {
    String p = platform.strip().toUpperCase(Locale.ROOT);
    return new IdentifierV1(
        IdentifierType.SOCIAL_ACCOUNT,
        p + ":" + SocialHandles.handle(p, handle, this::e164OrNull),
        null,
        null,
        false);
  }

  /** A wallet address in its one form ({@link SocialHandles#wallet}). */
  public IdentifierV1 wallet(String typed) {
    return new IdentifierV1(
        IdentifierType.CRYPTO_WALLET, SocialHandles.wallet(typed), null, null, false);
  }

  private String e164OrNull(String typed) {
    try {
      return phones.normalise(typed).e164();
    } catch (InvalidValue e) {
      return null;
    }
  }

  /**
   * Every form an identifier of a known type stands for, the most specific first: a URL its URL and
   * its registrable domain; a domain, host or URL checked as a DOMAIN its host and its registrable
   * domain (see {@link #domains}); the rest one form each.
   *
   * @throws InvalidValue when the value is not one of its type
   */
  public List<IdentifierV1> normalise(IdentifierType type, String typed) {
    if (typed == null || typed.isBlank()) {
      throw new InvalidValue("identifier.blank");
    }
    return switch (type) {
      case PHONE -> List.of(phone(typed));
      case BANK_ACCOUNT -> List.of(bankAccount(typed));
      case URL -> site(typed);
      case DOMAIN -> domains(typed);
      case SOCIAL_ACCOUNT -> {
        int colon = typed.indexOf(':');
        yield List.of(
            colon <= 0
                ? plain(type, typed)
                : socialAccount(typed.substring(0, colon), typed.substring(colon + 1)));
      }
      case CRYPTO_WALLET -> List.of(wallet(typed));
      case APP_PACKAGE -> List.of(plain(type, typed));
    };
  }

  /**
   * The forms to check an identifier by: its {@link #normalise normal forms} and, for a social
   * account or wallet, the form stored before they had one.
   *
   * @throws InvalidValue as {@link #normalise}: a value no form of its type reads was never stored
   */
  public List<IdentifierV1> checkForms(IdentifierType type, String typed) {
    List<IdentifierV1> forms = normalise(type, typed);
    if (type == IdentifierType.SOCIAL_ACCOUNT || type == IdentifierType.CRYPTO_WALLET) {
      // Stored before handles and wallets had one form, as typed (the platform upper case).
      IdentifierV1 asStored = asStoredBefore(type, typed);
      if (!forms.contains(asStored)) {
        return List.of(forms.get(0), asStored);
      }
    }
    return forms;
  }

  /**
   * The forms to look an identifier up by, leniently: its {@link #checkForms check forms}, or the
   * value as typed (trimmed) when it is not a valid one of its type, since a lookup of a value that
   * was never stored simply finds nothing.
   */
  public List<IdentifierV1> lookupForms(IdentifierType type, String typed) {
    try {
      return checkForms(type, typed);
    } catch (InvalidValue e) {
      String value = typed == null ? "" : typed.strip();
      return List.of(
          plain(
              type, type == IdentifierType.BANK_ACCOUNT ? AccountNumbers.normalise(value) : value));
    }
  }

  /** The one canonical value of an identifier, leniently (see {@link #lookupForms}). */
  public String canonical(IdentifierType type, String typed) {
    return lookupForms(type, typed).get(0).value();
  }

  /**
   * Every reading of a value whose type is not given: a URL, domain or host as its site's forms; a
   * number as a phone and as a bare account number; {@code bank:account} as an account; and, as
   * typed, a social account, wallet or app package. Empty only for a blank value.
   */
  public List<IdentifierV1> readings(String typed) {
    List<IdentifierV1> readings = new ArrayList<>();
    if (typed == null || typed.isBlank()) {
      return readings;
    }
    String s = typed.strip();
    if (PHONE_LIKE.matcher(s).matches()) {
      attempt(readings, () -> List.of(phone(s)));
    }
    if (s.indexOf(':') > 0 && !s.contains("://")) {
      attempt(readings, () -> List.of(bankAccount(s)));
      attempt(readings, () -> normalise(IdentifierType.SOCIAL_ACCOUNT, s));
    } else if (s.indexOf(':') < 0) {
      attempt(readings, () -> List.of(bankAccount(s)));
    }
    if (s.contains(".") || s.contains("://")) {
      attempt(readings, () -> site(s));
    }
    readings.add(wallet(s));
    readings.add(plain(IdentifierType.APP_PACKAGE, s));
    if (s.indexOf(':') <= 0) {
      readings.add(plain(IdentifierType.SOCIAL_ACCOUNT, s));
    }
    return List.copyOf(readings);
  }

  private static void attempt(
      List<IdentifierV1> readings, java.util.function.Supplier<List<IdentifierV1>> reading) {
    try {
      for (IdentifierV1 r : reading.get()) {
        if (!readings.contains(r)) {
          readings.add(r);
        }
      }
    } catch (InvalidValue e) {
      // Not a value of this type: other readings remain.
    }
  }

  /** A social account or wallet as it was stored before they had one form. */
  private static IdentifierV1 asStoredBefore(IdentifierType type, String typed) {
    int colon = typed.indexOf(':');
    if (type == IdentifierType.SOCIAL_ACCOUNT && colon > 0) {
      return plain(
          type,
          typed.substring(0, colon).strip().toUpperCase(Locale.ROOT)
              + ":"
              + typed.substring(colon + 1).strip());
    }
    return plain(type, typed);
  }

  private static IdentifierV1 plain(IdentifierType type, String typed) {
    return new IdentifierV1(type, typed.strip(), null, null, false);
  }
}
