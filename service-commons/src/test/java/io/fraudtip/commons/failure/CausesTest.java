package io.fraudtip.commons.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CausesTest {
  @Test
  void aTypeDeepInTheChainIsFound() {
    var failure =
        new IllegalStateException("outer", new RuntimeException(new IOException("closed")));

    assertThat(Causes.include(failure, IOException.class)).isTrue();
    assertThat(Causes.include(failure, UnsupportedOperationException.class)).isFalse();
    assertThat(Causes.include(null, IOException.class)).isFalse();
    assertThat(Causes.root(failure)).isInstanceOf(IOException.class).hasMessage("closed");
    assertThat(Causes.root(new IOException("alone"))).hasMessage("alone");
  }

  @Test
  void aChainThatLoopsEnds() {
    // initCause refuses only a failure as its own cause: two can name each other.
    var first = new RuntimeException("first");
    var second = new RuntimeException("second", first);
    first.initCause(second);

    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          assertThat(Causes.include(first, IOException.class)).isFalse();
          assertThat(Causes.anyMatch(first, t -> "second".equals(t.getMessage()))).isTrue();
          assertThat(Causes.root(first)).isIn(first, second);
        });
  }
}
