package io.fraudtip.commons.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceContextsTest {
  @Test
  void aStateWithinTheBoundIsKeptAsItIs() {
    String state = "a=" + "x".repeat(250) + ",b=" + "y".repeat(250);
    assertThat(TraceContexts.bounded(state)).isSameAs(state);
    assertThat(TraceContexts.bounded(null)).isNull();
  }

  @Test
  void membersOverOneHundredTwentyEightCharactersGoFirstThenMembersFromTheEnd() {
    String big = "big=" + "x".repeat(300);
    String small = "s=1";
    String mid = "m=" + "y".repeat(100);
    // Over 512: long members go, the last first, until the rest fit; the others keep their order.
    assertThat(TraceContexts.bounded(String.join(",", small, big, mid, big)))
        .isEqualTo(String.join(",", small, big, mid));
    assertThat(TraceContexts.bounded(String.join(",", big, small, big, mid, big)))
        .isEqualTo(String.join(",", big, small, mid));
    // Six members of 102 characters: the last ones go until the rest fit.
    String six = String.join(",", java.util.Collections.nCopies(6, mid));
    assertThat(TraceContexts.bounded(six))
        .isEqualTo(String.join(",", java.util.Collections.nCopies(4, mid)))
        .hasSizeLessThanOrEqualTo(TraceContexts.MAX_TRACESTATE);
  }

  @Test
  void aStateOfOnlyOversizedMembersIsDropped() {
    assertThat(TraceContexts.bounded("a=" + "x".repeat(600))).isNull();
  }
}
