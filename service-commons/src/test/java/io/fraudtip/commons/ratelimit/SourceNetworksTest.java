package io.fraudtip.commons.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceNetworksTest {
  @Test
  void anIpv4AddressIsItsOwnNetwork() {
    assertThat(SourceNetworks.of("203.113.131.7")).isEqualTo("203.113.131.7");
    assertThat(SourceNetworks.of(null)).isNull();
  }

  /** One subscriber's /64 hands out addresses at will: each must not be a new caller. */
  @Test
  void ipv6AddressesOfOnePrefixAreOneNetwork() {
    String a = SourceNetworks.of("2001:ee0:4f1a:9c10::1");
    assertThat(SourceNetworks.of("[2001:ee0:4f1a:9c10:abcd:ef01:2345:6789]")).isEqualTo(a);
    assertThat(a).isEqualTo("20010ee04f1a9c10/64");
    assertThat(SourceNetworks.of("2001:ee0:4f1a:9c11::1")).isNotEqualTo(a);
  }
}
