package io.fraudtip.contracts.banks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BankAccountTest {
  @Test
  void anAccountIsWrittenAsBinColonNumberAndReadBack() {
    BankAccount account = new BankAccount("970436", "1023456789");

    assertThat(account.value()).isEqualTo("970436:1023456789");
    assertThat(BankAccount.parse(account.value())).isEqualTo(account);
  }

  @Test
  void theAccountNumberOfAValueWithoutBinIsTheValue() {
    assertThat(BankAccount.accountNumberOf("970436:1023456789")).isEqualTo("1023456789");
    assertThat(BankAccount.accountNumberOf("1023456789")).isEqualTo("1023456789");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1023456789", ":1023456789", "970436:"})
  void aValueWithoutBothPartsIsNotAnAccount(String value) {
    assertThatThrownBy(() -> BankAccount.parse(value)).isInstanceOf(IllegalArgumentException.class);
  }
}
