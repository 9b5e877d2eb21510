package io.fraudtip.cases.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudtip.contracts.cases.CaseStatus;
import org.junit.jupiter.api.Test;

class CaseStageTest {
  @Test
  void aCaseMustBeAcknowledgedBeforeItIsWorkedOrClosed() {
    assertThat(CaseStage.ASSIGNED.canMoveTo(CaseStage.INVESTIGATING)).isFalse();
    assertThat(CaseStage.ASSIGNED.canMoveTo(CaseStage.CLOSED)).isFalse();
    assertThat(CaseStage.ASSIGNED.canMoveTo(CaseStage.ACKNOWLEDGED)).isTrue();
    assertThat(CaseStage.ACKNOWLEDGED.canMoveTo(CaseStage.INVESTIGATING)).isTrue();
    assertThat(CaseStage.INVESTIGATING.canMoveTo(CaseStage.CLOSED)).isTrue();
    assertThat(CaseStage.MERGED.next()).isEmpty();
  }

  @Test
  void anIllegalMoveLeavesTheCaseAsItWas() {
    FraudCase c = new FraudCase();
    c.stage = CaseStage.CLOSED;
    c.status = CaseStatus.CLOSED;
    assertThatThrownBy(() -> c.moveTo(CaseStage.INVESTIGATING))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(c.stage).isEqualTo(CaseStage.CLOSED);
    c.stage = CaseStage.ACKNOWLEDGED;
    c.moveTo(CaseStage.INVESTIGATING);
    assertThat(c.status).isEqualTo(CaseStatus.IN_PROGRESS);
  }
}
