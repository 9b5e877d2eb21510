package io.fraudtip.contracts.banks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
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

  @Test
  void theFormIsExactlyWhatTheFormerPatternsGaveForEveryCharacter() {
    // Account numbers already stored were normalised by these patterns: the loops must give the
    // same form, or a tip would no longer meet its case.
    java.util.regex.Pattern separators = java.util.regex.Pattern.compile("[\\s.\\-]");
    java.util.regex.Pattern form = java.util.regex.Pattern.compile("[0-9A-Z]{4,30}");
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      String typed = " 12" + c + "ab.3-4 " + c;
      String before = separators.matcher(typed.strip()).replaceAll("").toUpperCase(Locale.ROOT);
      assertThat(AccountNumbers.normalise(typed)).as("U+%04X", (int) c).isEqualTo(before);
      assertThat(AccountNumbers.valid(before)).isEqualTo(form.matcher(before).matches());
    }
  }
}
