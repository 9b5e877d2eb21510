package io.fraudtip.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {
  @Test
  void noPortIsHandedOutTwice() {
    Set<Integer> ports = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      int port = FreePorts.pick();
      assertThat(ports.add(port)).as("port %d handed out twice", port).isTrue();
      assertThat(FreePorts.isFree(port)).isTrue();
    }
  }
}
