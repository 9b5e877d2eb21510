package io.fraudtip.cases.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.contracts.tips.ScamType;
import org.junit.jupiter.api.Test;

class RuleConditionsTest {
  private static FraudCase aCase(ScamType type, long loss, int victims, String province) {
    FraudCase c = new FraudCase();
    c.scamType = type;
    c.totalLossVnd = loss;
    c.victims = victims;
    c.independentSources = victims;
    c.provinces = 1;
    c.provinceCode = province;
    return c;
  }

  @Test
  void aRuleWithoutConditionsMatchesAnyCase() {
    assertThat(new RuleConditions().matches(aCase(ScamType.ROMANCE, 1, 1, null))).isTrue();
  }

  @Test
  void everyConditionSetMustHold() {
    RuleConditions when = new RuleConditions();
    when.scamTypes = "ROMANCE, INVESTMENT_CRYPTO";
    when.minTotalLossVnd = 100L;
    when.maxTotalLossVnd = 1_000L;
    when.provinceCode = "66";

    assertThat(when.matches(aCase(ScamType.INVESTMENT_CRYPTO, 100, 1, "66"))).isTrue();
    assertThat(when.matches(aCase(ScamType.LOAN_APP, 100, 1, "66"))).isFalse();
    assertThat(when.matches(aCase(ScamType.ROMANCE, 99, 1, "66"))).isFalse();
    // The upper bound is exclusive.
    assertThat(when.matches(aCase(ScamType.ROMANCE, 1_000, 1, "66"))).isFalse();
    assertThat(when.matches(aCase(ScamType.ROMANCE, 500, 1, "01"))).isFalse();
  }

  @Test
  void minimumVictimsCountsTheCasesIndependentSourcesNotItsTips() {
    RuleConditions when = new RuleConditions();
    when.minVictims = 3;
    assertThat(when.matches(aCase(ScamType.ROMANCE, 1, 2, null))).isFalse();
    assertThat(when.matches(aCase(ScamType.ROMANCE, 1, 3, null))).isTrue();

    // Ten tips from one caller are one independent victim (issue 12).
    FraudCase repeated = aCase(ScamType.ROMANCE, 1, 10, null);
    repeated.independentSources = 1;
    assertThat(when.matches(repeated)).isFalse();
  }
}
