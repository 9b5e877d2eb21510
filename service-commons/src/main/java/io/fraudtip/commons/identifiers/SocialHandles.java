package io.fraudtip.commons.identifiers;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The one form of a social account's handle and of a wallet address, so that a scammer's account
 * typed two ways by two victims (or by a victim and a bank checking it) is one identifier: a
 * messenger account that is a phone number in E.164, a username without its {@code @} and in lower
 * case where the platform ignores case, the name out of a profile link. A platform this code does
 * not know ({@code OTHER}) keeps the handle as typed.
 */
final class SocialHandles {
  /** Platforms whose accounts are phone numbers (Zalo, Viber, WhatsApp; Telegram may be). */
  private static final Set<String> BY_PHONE = Set.of("ZALO", "VIBER", "WHATSAPP", "TELEGRAM");

  /** Platforms whose usernames ignore case. */
  private static final Set<String> CASELESS =
      Set.of(
          "ZALO",
          "FACEBOOK",
          "MESSENGER",
          "TELEGRAM",
          "TIKTOK",
          "INSTAGRAM",
          "VIBER",
          "WHATSAPP",
          "SKYPE",
          "X");

  /** Facebook ignores dots in usernames ({@code nguyen.van.a} is {@code nguyenvana}). */
  private static final Set<String> DOTLESS = Set.of("FACEBOOK", "MESSENGER");

  /** The hosts of each platform's profile links, without {@code www.} or {@code m.}. */
  private static final Map<String, Set<String>> HOSTS =
      Map.of(
          "FACEBOOK", Set.of("facebook.com", "fb.com", "fb.me"),
          "MESSENGER", Set.of("m.me", "messenger.com", "facebook.com"),
          "TELEGRAM", Set.of("t.me", "telegram.me"),
          "TIKTOK", Set.of("tiktok.com"),
          "INSTAGRAM", Set.of("instagram.com"),
          "X", Set.of("x.com", "twitter.com"),
          "ZALO", Set.of("zalo.me"),
          "WHATSAPP", Set.of("wa.me"));

  private static final Pattern PHONE_LIKE = Pattern.compile("\\(?\\+?[0-9][0-9\\s.()\\-]{5,}");
  private static final Pattern EVM = Pattern.compile("0[xX][0-9a-fA-F]{40}");
  private static final Pattern BECH32 = Pattern.compile("(?i)(bc1|tb1|ltc1)[ac-hj-np-z02-9]{6,87}");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private SocialHandles() {}

  /**
   * The handle's one form on its platform.
   *
   * @param platform the platform, upper case
   * @param phone the E.164 form of a phone number, or null when it is none
   */
  static String handle(String platform, String typed, UnaryOperator<String> phone) {
    String h = typed.strip();
    if (!HOSTS.containsKey(platform) && !CASELESS.contains(platform)) {
      return h;
    }
    h = fromProfileLink(platform, h);
    if (h.length() > 1 && h.startsWith("@")) {
      h = h.substring(1);
    }
    if (BY_PHONE.contains(platform) && PHONE_LIKE.matcher(h).matches()) {
      String e164 = phone.apply(h);
      if (e164 != null) {
        return e164;
      }
    }
    if (CASELESS.contains(platform)) {
      h = h.toLowerCase(Locale.ROOT);
    }
    if (DOTLESS.contains(platform) && !h.isEmpty() && h.chars().anyMatch(Character::isLetter)) {
      String dotless = h.replace(".", "");
      h = dotless.isEmpty() ? h : dotless;
    }
    return h;
  }

  /**
   * The account a profile link names ({@code https://www.facebook.com/nguyen.van.a}, {@code
   * t.me/scammer}, {@code facebook.com/profile.php?id=1000}), or the handle unchanged when it is no
   * link of the platform.
   */
  private static String fromProfileLink(String platform, String h) {
    Set<String> hosts = HOSTS.get(platform);
    if (hosts == null || !(h.contains("://") || h.contains("/"))) {
      return h;
    }
    try {
      URI uri = URI.create(h.contains("://") ? h : "https://" + h);
      String host = uri.getHost();
      if (host == null) {
        return h;
      }
      host = host.toLowerCase(Locale.ROOT);
      for (String prefix : new String[] {"www.", "m.", "mobile.", "web."}) {
        if (host.startsWith(prefix) && hosts.contains(host.substring(prefix.length()))) {
          host = host.substring(prefix.length());
        }
      }
      if (!hosts.contains(host)) {
        return h;
      }
      String path = uri.getPath() == null ? "" : uri.getPath();
      String query = uri.getQuery();
      if (path.equals("/profile.php") && query != null) {
        for (String pair : query.split("&")) {
          if (pair.startsWith("id=") && pair.length() > 3) {
            return pair.substring(3);
          }
        }
      }
      for (String segment : path.split("/")) {
        if (!segment.isEmpty()) {
          return segment;
        }
      }
      return h;
    } catch (IllegalArgumentException e) {
      return h;
    }
  }

  /**
   * A wallet address's one form: without spaces; an Ethereum-style address (0x and 40 hex digits,
   * whose mixed case is only a checksum) and a bech32 address (bc1…, all of one case) in lower
   * case; any other (base58: Bitcoin's 1… and 3…, Tron's T…) as typed, since its case is the
   * address.
   */
  static String wallet(String typed) {
    String w = SPACES.matcher(typed).replaceAll("");
    if (w.isEmpty()) {
      return typed.strip();
    }
    if (EVM.matcher(w).matches() || BECH32.matcher(w).matches()) {
      return w.toLowerCase(Locale.ROOT);
    }
    return w;
  }
}
