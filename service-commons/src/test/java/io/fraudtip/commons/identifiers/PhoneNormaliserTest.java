package io.fraudtip.commons.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudtip.commons.problem.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNormaliserTest {
  private final PhoneNormaliser phones = new PhoneNormaliser();

  @ParameterizedTest
  @CsvSource({
    "0869123456, +84869123456",
    "0869 123 456, +84869123456",
    "0869.123.456, +84869123456",
    "+84 869-123-456, +84869123456",
    "84869123456, +84869123456",
    "0912345678, +84912345678",
    // Old 11-digit mobiles, converted with the 2018 table (last 7 digits kept).
    "01688123456, +84388123456",
    "0168 812 3456, +84388123456",
    "+841688123456, +84388123456",
    "841688123456, +84388123456",
    "01234567890, +84834567890",
    "01994567890, +84594567890",
    // The local number copied behind +84, trunk 0 and all.
    "+84 0869 123 456, +84869123456",
    "+84 01688 123 456, +84388123456",
    "0084 0869123456, +84869123456",
    "8401688123456, +84388123456",
    // A landline stays as it is.
    "02437654321, +842437654321"
  })
  void vietnameseNumbersAreStoredInE164(String typed, String e164) {
    PhoneNormaliser.Phone phone = phones.normalise(typed);
    assertThat(phone.e164()).isEqualTo(e164);
    assertThat(phone.region()).isEqualTo("VN");
    assertThat(phone.foreign()).isFalse();
  }

  @Test
  void aNumberFromAbroadIsKeptWithItsRegionAndFlagged() {
    PhoneNormaliser.Phone cambodia = phones.normalise("+855 12 345 678");
    assertThat(cambodia.e164()).isEqualTo("+85512345678");
    assertThat(cambodia.region()).isEqualTo("KH");
    assertThat(cambodia.foreign()).isTrue();

    PhoneNormaliser.Phone china = phones.normalise("0086 138 0013 8000");
    assertThat(china.e164()).isEqualTo("+8613800138000");
    assertThat(china.region()).isEqualTo("CN");
    assertThat(china.foreign()).isTrue();
  }

  @ParameterizedTest
  // Letters were read as keypad digits: a masked number became someone else's.
  @ValueSource(
      strings = {
        "12345",
        "abc",
        "",
        "0869",
        "+84 123",
        "0000000000",
        "09123xxxxx",
        "0912 XXX XXX",
        "0912ABCDEF"
      })
  void anInvalidNumberIsRefused(String typed) {
    assertThatThrownBy(() -> phones.normalise(typed))
        .isInstanceOf(InvalidValue.class)
        .extracting(e -> ((InvalidValue) e).code())
        .isEqualTo("phone.invalid");
  }
}
