package io.fraudtip.intake.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PersonalDataCipherTest {
  private static final String KEY =
      Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
  private final PersonalDataCipher cipher = new PersonalDataCipher(KEY);
  private final ReporterData data =
      new ReporterData("Nguyễn Thị Hoa", "+84912345678", "hoa@example.vn", "066190001234");

  @Test
  void sealedDataOpensWithTheSameKeyAndTip() {
    UUID tip = UUID.randomUUID();
    byte[] sealed = cipher.seal(tip, data);
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1))
        .doesNotContain("Hoa", "912345678", "hoa@example", "066190001234");
    assertThat(cipher.open(tip, sealed)).isEqualTo(data);
    // A fresh nonce each time: the same data never seals to the same bytes.
    assertThat(cipher.seal(tip, data)).isNotEqualTo(sealed);
  }

  @Test
  void sealedDataDoesNotOpenOnAnotherTipOrWithAnotherKeyOrWhenAltered() {
    UUID tip = UUID.randomUUID();
    byte[] sealed = cipher.seal(tip, data);
    assertThatThrownBy(() -> cipher.open(UUID.randomUUID(), sealed))
        .isInstanceOf(IllegalStateException.class);
    PersonalDataCipher other =
        new PersonalDataCipher(
            Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes()));
    assertThatThrownBy(() -> other.open(tip, sealed)).isInstanceOf(IllegalStateException.class);
    byte[] altered = sealed.clone();
    altered[altered.length - 1] ^= 1;
    assertThatThrownBy(() -> cipher.open(tip, altered)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aSealedFileOpensOnlyUnderItsOwnIdAndNotAsReporterData() {
    UUID file = UUID.randomUUID();
    byte[] bytes = "chat screenshot: Nguyễn Thị Hoa 0912345678".getBytes(StandardCharsets.UTF_8);
    byte[] sealed = cipher.sealFile(file, bytes);
    assertThat(new String(sealed, StandardCharsets.UTF_8)).doesNotContain("Hoa", "0912345678");
    assertThat(cipher.openFile(file, sealed)).isEqualTo(bytes);
    assertThat(cipher.openFile(file, cipher.sealFile(file, new byte[0]))).isEmpty();
    assertThatThrownBy(() -> cipher.openFile(UUID.randomUUID(), sealed))
        .isInstanceOf(IllegalStateException.class);
    // The formats are apart: a file is not reporter data, nor the other way round.
    assertThatThrownBy(() -> cipher.open(file, sealed)).isInstanceOf(IllegalStateException.class);
    UUID tip = UUID.randomUUID();
    assertThatThrownBy(() -> cipher.openFile(tip, cipher.seal(tip, data)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aKeyOfTheWrongSizeIsRefused() {
    assertThatThrownBy(() -> new PersonalDataCipher("c2hvcnQ="))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("32 bytes");
  }

  @Test
  void personalDataNeverShowsInToString() {
    assertThat(data.toString()).doesNotContain("Hoa", "912345678", "hoa@", "066190001234");
  }
}
