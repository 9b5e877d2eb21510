package io.fraudtip.notification.webhook;

import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.notification.config.WebhookConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URLs may receive webhooks: {@code https} to public addresses only, so that an endpoint
 * cannot make the platform call into its own network (SSRF). The local stack and tests allow http
 * and local addresses through a setting.
 */
@ApplicationScoped
public class EndpointUrlPolicy {
  /** Looks up a host's addresses; replaced in tests. */
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final boolean allowLocal;
  private final Resolver resolver;

  @Inject
  EndpointUrlPolicy(WebhookConfig config) {
    this(config.allowLocalUrls(), InetAddress::getAllByName);
  }

  public EndpointUrlPolicy(boolean allowLocal, Resolver resolver) {
    this.allowLocal = allowLocal;
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
    if (!scheme.equals("https") && !(allowLocal && scheme.equals("http"))) {
      throw refused("url.scheme", "The URL must use https");
    }
    if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
      throw refused("url.malformed", "The URL needs a host, and no user name or fragment");
    }
    checkAddresses(uri.getHost());
    return uri;
  }

  /** Refuses a host that resolves to any non-public address (unless local use is allowed). */
  public void checkAddresses(String host) {
    if (allowLocal) {
      return;
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host.replaceAll("^\\[|\\]$", ""));
    } catch (UnknownHostException e) {
      throw refused("url.unresolvable", "The URL's host does not resolve");
    }
    for (InetAddress address : addresses) {
      if (!isPublic(address)) {
        throw refused(
            "url.not-public",
            "The URL's host resolves to a private, loopback or link-local address");
      }
    }
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
      int first = b[0] & 0xff;
      return (first & 0xfe) != 0xfc; // unique local fc00::/7
    }
    return false;
  }

  private static ProblemException refused(String code, String message) {
    return ProblemException.invalid("url", code, message);
  }
}
