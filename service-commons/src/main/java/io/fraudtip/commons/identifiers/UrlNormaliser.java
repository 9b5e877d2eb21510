package io.fraudtip.commons.identifiers;

import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;
import io.fraudtip.commons.problem.InvalidValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * URLs and domains the way scammers' sites are compared: scheme and host in lower case, an
 * internationalised host in punycode, default port, user info and fragment dropped; beside the URL
 * its registrable domain from the public suffix list (Guava's {@link InternetDomainName}), which is
 * what links tips about different pages of one site. Use it through {@link IdentifierNormaliser}.
 */
public class UrlNormaliser {
  private static final Pattern URL =
      Pattern.compile("^([A-Za-z][A-Za-z0-9+.\\-]*)://([^/?#]*)([^#]*)(#.*)?$", Pattern.DOTALL);
  private static final Pattern PORT = Pattern.compile("\\d{1,5}");

  /**
   * A normalised URL or domain.
   *
   * @param url the normalised URL, or null when only a domain was given
   * @param domain the registrable domain, or null when the host is an IP address
   */
  public record Site(String url, String domain) {}

  private static final Set<String> SHARED_PLATFORMS = sharedPlatforms();

  /**
   * Whether a registrable domain is a shared platform ({@code shared-platforms.txt}): its pages
   * belong to unrelated people, so the domain identifies no one.
   */
  public static boolean isSharedPlatform(String domain) {
    return domain != null && SHARED_PLATFORMS.contains(domain);
  }

  private static Set<String> sharedPlatforms() {
    try (InputStream in = UrlNormaliser.class.getResourceAsStream("shared-platforms.txt")) {
      if (in == null) {
        throw new IllegalStateException("shared-platforms.txt is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Normalises a URL, or a bare domain or host.
   *
   * @throws InvalidValue {@code url.invalid}, {@code url.scheme}, {@code url.host} or {@code
   *     url.domain}
   */
  public Site normalise(String typed) {
    if (typed == null || typed.isBlank()) {
      throw new InvalidValue("url.invalid");
    }
    // A browser reads a backslash in an http(s) URL as a slash (WHATWG URL): evil.com\@bank.vn
    // opens evil.com, and must not be taken for bank.vn with user info.
    String s = typed.strip().replace('\\', '/');
    if (s.chars().anyMatch(Character::isWhitespace)) {
      throw new InvalidValue("url.invalid");
    }
    boolean schemeGiven = s.contains("://");
    Matcher m = URL.matcher(schemeGiven ? s : "http://" + s);
    if (!m.matches()) {
      throw new InvalidValue("url.invalid");
    }
    String scheme = m.group(1).toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new InvalidValue("url.scheme");
    }
    String authority = m.group(2);
    authority = authority.substring(authority.lastIndexOf('@') + 1);
    String host;
    String port = null;
    if (authority.startsWith("[")) {
      int end = authority.indexOf(']');
      if (end < 0) {
        throw new InvalidValue("url.host");
      }
      host = authority.substring(0, end + 1);
      if (authority.length() > end + 1) {
        if (authority.charAt(end + 1) != ':') {
          throw new InvalidValue("url.host");
        }
        port = authority.substring(end + 2);
      }
    } else {
      int colon = authority.lastIndexOf(':');
      host = colon < 0 ? authority : authority.substring(0, colon);
      port = colon < 0 ? null : authority.substring(colon + 1);
    }
    if (port != null) {
      if (port.isEmpty()
          || (scheme.equals("http") && port.equals("80"))
          || (scheme.equals("https") && port.equals("443"))) {
        port = null;
      } else if (!PORT.matcher(port).matches() || Integer.parseInt(port) > 65_535) {
        throw new InvalidValue("url.host");
      }
    }
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (host.isEmpty()) {
      throw new InvalidValue("url.host");
    }
    String asciiHost;
    String domain;
    String bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (InetAddresses.isInetAddress(bareHost)) {
      String canonical = InetAddresses.toAddrString(InetAddresses.forString(bareHost));
      asciiHost = canonical.contains(":") ? "[" + canonical + "]" : canonical;
      domain = null;
    } else {
      try {
        asciiHost = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
      } catch (IllegalArgumentException e) {
        throw new InvalidValue("url.host");
      }
      if (!InternetDomainName.isValid(asciiHost)) {
        throw new InvalidValue("url.host");
      }
      InternetDomainName name = InternetDomainName.from(asciiHost);
      if (!name.isUnderPublicSuffix()) {
        // A public suffix itself (com.vn) or a name outside the public suffix list.
        throw new InvalidValue("url.domain");
      }
      domain = name.topPrivateDomain().toString();
    }
    String rest = m.group(3);
    if (!schemeGiven && rest.isEmpty() && asciiHost.equals(domain)) {
      return new Site(null, domain);
    }
    if (rest.isEmpty() || rest.startsWith("?")) {
      rest = "/" + rest;
    }
    String url = scheme + "://" + asciiHost + (port == null ? "" : ":" + port) + rest;
    return new Site(url, domain);
  }
}
