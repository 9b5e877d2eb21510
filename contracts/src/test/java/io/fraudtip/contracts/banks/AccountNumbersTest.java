package io.fraudtip.contracts.banks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountNumbersTest {
  @ParameterizedTest
  @ValueSource(strings = {"0987654321", " 0987 654 321 ", "0987.654.321", "0987-654-321"})
  void everySpellingOfOneAccountNumberMeetsInOneForm(String typed) {
    assertThat(AccountNumbers.normalise(typed)).isEqualTo("0987654321");
  }

  @Test
  void lettersAreUpperCaseAndTheFormIsFourToThirtyDigitsAndLetters() {
    assertThat(AccountNumbers.normalise("vcb-12ab")).isEqualTo("VCB12AB");
    assertThat(AccountNumbers.valid("VCB12AB")).isTrue();
    assertThat(AccountNumbers.valid("123")).isFalse();
    assertThat(AccountNumbers.valid("1234567890123456789012345678901")).isFalse();
    assertThat(AccountNumbers.valid("12/34")).isFalse();
    assertThat(AccountNumbers.valid(null)).isFalse();
  }
}
