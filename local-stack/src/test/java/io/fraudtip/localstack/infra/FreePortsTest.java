package io.fraudtip.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.PrimitiveIterator;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FreePortsTest {
  @Test
  void aPortTheSystemGivesTwiceIsHandedOutOnce() {
    // As in CI once: the system's next free port was the one just handed out.
    PrimitiveIterator.OfInt system = IntStream.of(1, 1, 1, 2).iterator();
    int first = FreePorts.pick(system::nextInt);
    int second = FreePorts.pick(system::nextInt);
    assertThat(first).isEqualTo(1);
    assertThat(second).isEqualTo(2);
  }

  @Test
  void picksFromTheSystemAreDistinctAndFree() {
    Set<Integer> ports = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      int port = FreePorts.pick();
      assertThat(ports.add(port)).as("port %d handed out twice", port).isTrue();
      assertThat(FreePorts.isFree(port)).isTrue();
    }
  }

  @Test
  void picksAreBelowTheRangeOfOutgoingConnections() {
    // There, no client's connection can take a port between its pick and its server's start.
    int ephemeral = FreePorts.ephemeralStart();
    for (int i = 0; i < 100; i++) {
      assertThat(FreePorts.pick()).isBetween(20_000, ephemeral - 1);
    }
  }
}
