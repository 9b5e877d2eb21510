package io.fraudtip.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudtip.localstack.stack.DemoBankSetup;
import org.junit.jupiter.api.Test;

/**
 * The local stack's demo bank subscribes its endpoints to every event type this service sends, so
 * that {@code ./run-local} shows them all: a new type added here fails this until the demo bank
 * takes it too.
 */
class DemoBankSubscriptionTest {
  @Test
  void theDemoBankOfTheLocalStackTakesEveryEventTypeABankCanSubscribeTo() {
    assertThat(DemoBankSetup.EVENT_TYPES).containsExactlyInAnyOrderElementsOf(Alert.TYPES);
  }
}
