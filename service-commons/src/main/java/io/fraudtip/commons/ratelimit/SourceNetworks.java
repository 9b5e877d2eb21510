package io.fraudtip.commons.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The network a source address stands for: an IPv4 address itself, an IPv6 address its /64 (one
 * subscriber's prefix, which hands out addresses at will). Rate limits per address and the
 * corroboration of tips by source both count networks, so that rotating addresses within one prefix
 * makes neither a new caller.
 */
public final class SourceNetworks {
  private SourceNetworks() {}

  /** The address's network; null for none, the text as given when it is no address literal. */
  public static String of(String address) {
    if (address == null || address.isBlank()) {
      return null;
    }
    String literal = address.strip();
    if (literal.startsWith("[") && literal.endsWith("]")) {
      literal = literal.substring(1, literal.length() - 1);
    }
    if (!literal.contains(":")) {
      return literal;
    }
    try {
      // A literal: no name lookup happens.
      byte[] bytes = InetAddress.getByName(literal).getAddress();
      if (bytes.length == 16) {
        return HexFormat.of().formatHex(Arrays.copyOf(bytes, 8)) + "/64";
      }
      return InetAddress.getByAddress(bytes).getHostAddress();
    } catch (UnknownHostException e) {
      return literal;
    }
  }
}
