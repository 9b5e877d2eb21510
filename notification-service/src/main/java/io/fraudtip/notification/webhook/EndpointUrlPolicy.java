package io.fraudtip.notification.webhook;

import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.notification.config.WebhookConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.IDN;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which URLs may receive webhooks: {@code https} to public addresses only, so that an endpoint
 * cannot make the platform call into its own network (SSRF). The local stack and tests allow http
 * and local addresses through a setting, or only named origins (a demo bank) through another.
 */
@ApplicationScoped
public class EndpointUrlPolicy {
  /** Looks up a host's addresses; replaced in tests. */
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final boolean allowLocal;
  private final Set<String> localOrigins;
  private final Resolver resolver;

  @Inject
  EndpointUrlPolicy(WebhookConfig config) {
    this(
        config.allowLocalUrls(),
        config.localOrigins().orElse(List.of()),
        InetAddress::getAllByName);
  }

  public EndpointUrlPolicy(boolean allowLocal, Resolver resolver) {
    this(allowLocal, List.of(), resolver);
  }

  public EndpointUrlPolicy(boolean allowLocal, List<String> localOrigins, Resolver resolver) {
    this.allowLocal = allowLocal;
    this.localOrigins =
        localOrigins.stream()
            .map(o -> origin(URI.create(o.trim())))
            .collect(Collectors.toUnmodifiableSet());
    this.resolver = resolver;
  }

  /**
   * The URL, normalised, if it may receive webhooks.
   *
   * @throws ProblemException 400 with a field error on {@code url} otherwise
   */
  public URI check(String url) {
    URI uri;
    try {
      uri = new URI(url == null ? "" : url.trim()).normalize();
    } catch (URISyntaxException e) {
      throw refused("url.malformed", "The URL is not valid");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getRawUserInfo() != null
        || uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
      throw refused("url.malformed", "The URL must not carry a user name or password");
    }
    if (uri.getRawFragment() != null) {
      throw refused("url.malformed", "The URL must not have a fragment");
    }
    uri = withAsciiHost(uri, scheme);
    boolean local = allowLocal || isLocalOrigin(uri);
    if (!scheme.equals("https") && !(local && scheme.equals("http"))) {
      throw refused("url.scheme", "The URL must use https");
    }
    // URI takes any number as a port; a connection to 0 or one above 65535 fails at every attempt.
    if (uri.getPort() == 0 || uri.getPort() > 65_535) {
      throw refused("url.malformed", "The port must be between 1 and 65535");
    }
    checkAddresses(uri);
    return uri;
  }

  /**
   * The URL with its scheme and host in lower case and an international host in its ASCII form
   * (IDN), as every attempt will reach it: {@code https://ngân-hàng.vn/x} is {@code
   * https://xn--ngn-hng-...vn/x}, {@code HTTPS://EXAMPLE.com} is {@code https://example.com}.
   */
  private static URI withAsciiHost(URI uri, String scheme) {
    String host = uri.getHost();
    int port = uri.getPort();
    if (host == null && uri.getRawAuthority() != null) {
      // java.net.URI reads a host only in ASCII hostname form: an international name is left in
      // the authority, as is a name it refuses (an underscore).
      String authority = uri.getAuthority();
      int colon = authority.lastIndexOf(':');
      String name = authority;
      if (colon > 0 && authority.indexOf(']') < colon) {
        name = authority.substring(0, colon);
        try {
          port = Integer.parseInt(authority.substring(colon + 1));
        } catch (NumberFormatException e) {
          throw refused("url.malformed", "The port must be a number");
        }
      }
      try {
        host = IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES);
      } catch (IllegalArgumentException e) {
        host = null;
      }
    }
    if (host == null || host.isEmpty()) {
      throw refused(
          "url.malformed",
          "The URL needs a host: a name of letters, digits, dots and dashes, or an address");
    }
    // Path and query as sent (raw: a decoded %2F would become a separator).
    String rebuilt =
        scheme
            + "://"
            + host.toLowerCase(Locale.ROOT)
            + (port == -1 ? "" : ":" + port)
            + (uri.getRawPath() == null ? "" : uri.getRawPath())
            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    try {
      return new URI(rebuilt);
    } catch (URISyntaxException e) {
      throw refused("url.malformed", "The URL is not valid");
    }
  }

  /**
   * Refuses a URL whose host does not resolve or resolves to any non-public address (unless local
   * use is allowed, or the URL is on an allowed local origin). Both answer the same code and text,
   * so that a caller cannot probe which internal names exist.
   *
   * @return the checked addresses to connect to, in the order of the lookup, so that the name is
   *     not looked up again between the check and the connection (where a name that answers a
   *     public address to the check and a private one to the connection would reach the platform's
   *     own network); empty where local use is allowed and nothing was checked
   */
  public List<InetAddress> checkAddresses(URI uri) {
    if (!checksAddresses(uri)) {
      return List.of();
    }
    String host = uri.getHost();
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host.replaceAll("^\\[|\\]$", ""));
    } catch (UnknownHostException e) {
      throw notPublic();
    }
    // Java reads an IPv4-mapped literal (::ffff:a.b.c.d) as the IPv4 address: refuse the form.
    boolean ipv6Literal = host.contains(":");
    for (InetAddress address : addresses) {
      if (!isPublic(address) || (ipv6Literal && address instanceof Inet4Address)) {
        throw notPublic();
      }
    }
    if (addresses.length == 0) {
      throw notPublic();
    }
    return List.of(addresses);
  }

  /** Whether {@link #checkAddresses} looks the URL's host up: not where local use is allowed. */
  public boolean checksAddresses(URI uri) {
    return !(allowLocal || isLocalOrigin(uri));
  }

  private boolean isLocalOrigin(URI uri) {
    return !localOrigins.isEmpty() && uri.getHost() != null && localOrigins.contains(origin(uri));
  }

  /** {@code scheme://host:port}, lower case, with the scheme's default port written out. */
  private static String origin(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    return scheme + "://" + host + ":" + port;
  }

  private static ProblemException notPublic() {
    return refused("url.not-public", "The URL's host must resolve to public addresses only");
  }

  /** Whether an address is on the public internet. */
  public static boolean isPublic(InetAddress a) {
    if (a.isLoopbackAddress()
        || a.isAnyLocalAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return false;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first != 0 // "this network"
          && !(first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
          && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
          && !(first == 198 && (second == 18 || second == 19)) // benchmarking
          && first < 240; // reserved and broadcast
    }
    if (a instanceof Inet6Address) {
      return isPublicIpv6(b);
    }
    return false;
  }

  /**
   * IPv6 outside unique-local space and outside the transition forms that carry an IPv4 address
   * (which could be a private one): IPv4-mapped {@code ::ffff:0:0/96} and IPv4-compatible {@code
   * ::/96}, NAT64 {@code 64:ff9b::/96} (and its local-use {@code 64:ff9b:1::/48}), 6to4 {@code
   * 2002::/16} and Teredo {@code 2001::/32}. A webhook receiver has a native address.
   */
  static boolean isPublicIpv6(byte[] b) {
    int w0 = word(b, 0);
    int w1 = word(b, 1);
    boolean upperZero = w0 == 0 && w1 == 0 && word(b, 2) == 0 && word(b, 3) == 0 && word(b, 4) == 0;
    return (b[0] & 0xfe) != 0xfc // unique local fc00::/7
        && !upperZero // ::/80: IPv4-mapped (::ffff:0:0/96), IPv4-compatible, unspecified
        && !(w0 == 0x64 && w1 == 0xff9b) // NAT64 64:ff9b::/96 and 64:ff9b:1::/48
        && w0 != 0x2002 // 6to4
        && !(w0 == 0x2001 && w1 == 0) // Teredo
        && !(w0 == 0x2001 && w1 == 0x0db8); // documentation
  }

  private static int word(byte[] b, int i) {
    return ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
  }

  private static ProblemException refused(String code, String message) {
    return ProblemException.invalid("url", code, message);
  }
}
