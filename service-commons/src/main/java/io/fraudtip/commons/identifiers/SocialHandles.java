package io.fraudtip.commons.identifiers;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
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

  /**
   * The platforms this code knows, whose usernames all ignore case; any other ({@code OTHER}) keeps
   * its handle as typed.
   */
  private static final Set<String> KNOWN =
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

  /** The hosts of each platform's profile links, without {@code www.}, {@code m.} and the like. */
  private static final Map<String, Set<String>> HOSTS =
      Map.of(
          "FACEBOOK", Set.of("facebook.com", "fb.com"),
          "MESSENGER", Set.of("m.me", "messenger.com", "facebook.com"),
          "TELEGRAM", Set.of("t.me", "telegram.me"),
          "TIKTOK", Set.of("tiktok.com"),
          "INSTAGRAM", Set.of("instagram.com"),
          "X", Set.of("x.com", "twitter.com"),
          "ZALO", Set.of("zalo.me"),
          "WHATSAPP", Set.of("wa.me"));

  /**
   * First path segments of the platforms' links that name no account (shares, groups, posts,
   * invitations): such a link is kept as typed rather than read as an account called "share".
   */
  private static final Set<String> NOT_ACCOUNTS =
      Set.of(
          "share",
          "sharer",
          "sharer.php",
          "groups",
          "people",
          "pages",
          "pg",
          "reel",
          "reels",
          "watch",
          "video",
          "videos",
          "photo",
          "photo.php",
          "photos",
          "posts",
          "permalink.php",
          "story.php",
          "stories",
          "events",
          "marketplace",
          "hashtag",
          "login",
          "messages",
          "dialog",
          "plugins",
          "l.php",
          "home.php",
          "joinchat",
          "addstickers",
          "proxy",
          "s",
          "c",
          "g",
          "p",
          "i",
          "tv",
          "explore",
          "search",
          "intent",
          "home",
          "tag",
          "discover",
          "t",
          "send");

  /** A numeric account id in a profile link. */
  private static final Pattern NUMERIC_ID = Pattern.compile("[0-9]{1,30}");

  /** The first labels of a platform's own hosts ({@code m.facebook.com}). */
  private static final Set<String> HOST_PREFIXES =
      Set.of("www", "m", "mbasic", "mobile", "web", "touch");

  /** Facebook's language hosts' first label ({@code vi-vn}). */
  private static final Pattern LANGUAGE_HOST = Pattern.compile("[a-z]{2}(-[a-z]{2})?");

  /** What a username is made of on these platforms (TikTok's shown with its {@code @}). */
  private static final Pattern USERNAME = Pattern.compile("@?[\\p{L}\\p{N}._-]{1,100}");

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
    if (!KNOWN.contains(platform)) {
      return h;
    }
    if (h.contains("/")) {
      String account = fromProfileLink(platform, h);
      if (account == null) {
        // A link that names no account this code can read (a share, a group, a post, a link on
        // a host it does not know): kept as typed, its case and dots meaningful.
        return h;
      }
      h = account;
    }
    if (h.length() > 1 && h.startsWith("@")) {
      h = h.substring(1);
    }
    // The phone normaliser refuses what is no number (a username's letters among them).
    if (BY_PHONE.contains(platform) && isPhone(platform, h)) {
      String e164 = phone.apply(h);
      if (e164 != null) {
        return e164;
      }
    }
    h = h.toLowerCase(Locale.ROOT);
    if (DOTLESS.contains(platform) && h.chars().anyMatch(Character::isLetter)) {
      String dotless = h.replace(".", "");
      h = dotless.isEmpty() ? h : dotless;
    }
    return h;
  }

  /**
   * Whether digits name a phone: on Telegram only written as one ({@code +84…}, {@code 0…}), since
   * its numeric user ids are digits too; on the other messengers always.
   */
  private static boolean isPhone(String platform, String digits) {
    if (!"TELEGRAM".equals(platform)) {
      return true;
    }
    String d = digits.startsWith("(") ? digits.substring(1) : digits;
    return d.startsWith("+") || d.startsWith("0");
  }

  /**
   * The account a profile link names ({@code https://www.facebook.com/nguyen.van.a}, {@code
   * t.me/scammer}, {@code facebook.com/profile.php?id=1000}, {@code
   * facebook.com/people/Name/1000}), or null when it is no profile link of the platform.
   */
  private static String fromProfileLink(String platform, String h) {
    Set<String> hosts = HOSTS.get(platform);
    if (hosts == null) {
      return null;
    }
    URI uri;
    try {
      uri = URI.create(h.contains("://") ? h : "https://" + h);
    } catch (IllegalArgumentException e) {
      return null;
    }
    String host = uri.getHost() == null ? null : profileHost(uri.getHost(), hosts);
    if (host == null) {
      return null;
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) {
        segments.add(segment);
      }
    }
    if (segments.equals(List.of("profile.php")) && uri.getQuery() != null) {
      for (String pair : uri.getQuery().split("&")) {
        if (pair.startsWith("id=") && NUMERIC_ID.matcher(pair.substring(3)).matches()) {
          return pair.substring(3);
        }
      }
      return null;
    }
    if (segments.size() == 3
        && segments.get(0).equals("people")
        && NUMERIC_ID.matcher(segments.get(2)).matches()) {
      return segments.get(2);
    }
    if (segments.size() != 1) {
      return null;
    }
    String account = segments.get(0);
    return NOT_ACCOUNTS.contains(account.toLowerCase(Locale.ROOT))
            || !USERNAME.matcher(account).matches()
        ? null
        : account;
  }

  /**
   * The platform's host a link is on, past a {@code www.}, {@code m.}, {@code mbasic.}, {@code
   * web.} or, on Facebook, language ({@code vi-vn.}) prefix; null when it is on another host.
   */
  private static String profileHost(String typedHost, Set<String> hosts) {
    String host = typedHost.toLowerCase(Locale.ROOT);
    if (hosts.contains(host)) {
      return host;
    }
    int dot = host.indexOf('.');
    if (dot > 0) {
      String prefix = host.substring(0, dot);
      String rest = host.substring(dot + 1);
      if (hosts.contains(rest)
          && (HOST_PREFIXES.contains(prefix)
              // Facebook's language hosts (vi-vn.facebook.com); vm.tiktok.com is a short link.
              || rest.equals("facebook.com") && LANGUAGE_HOST.matcher(prefix).matches())) {
        return rest;
      }
    }
    return null;
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
