package io.fraudtip.commons.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AesGcmTest {
  private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
  private final AesGcm aes = new AesGcm(KEY, "test.key");

  @Test
  void opensWhatItSealedForTheSameIdOnly() throws GeneralSecurityException {
    UUID row = UUID.randomUUID();
    byte[] sealed = aes.seal(row, "Nguyễn Thị Hoa".getBytes(StandardCharsets.UTF_8));

    assertThat(new String(aes.open(row, sealed), StandardCharsets.UTF_8))
        .isEqualTo("Nguyễn Thị Hoa");
    assertThatThrownBy(() -> aes.open(UUID.randomUUID(), sealed))
        .isInstanceOf(GeneralSecurityException.class);
    assertThatThrownBy(() -> aes.open(row, new byte[5]))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void aValueSealedAfterAHeaderKeepsTheHeaderAndOpensFromItsOffset()
      throws GeneralSecurityException {
    UUID row = UUID.randomUUID();
    byte[] plain = new byte[100_000];
    new java.util.Random(7).nextBytes(plain);
    byte[] sealed = aes.seal(row, plain, new byte[] {9, 8});

    assertThat(sealed[0]).isEqualTo((byte) 9);
    assertThat(sealed[1]).isEqualTo((byte) 8);
    // Header, 12-byte nonce, ciphertext and 16-byte tag: nothing more.
    assertThat(sealed).hasSize(2 + 12 + plain.length + 16);
    assertThat(aes.open(row, sealed, 2)).isEqualTo(plain);
    // The same as a seal without a header, after it.
    assertThat(aes.open(row, java.util.Arrays.copyOfRange(sealed, 2, sealed.length)))
        .isEqualTo(plain);
    assertThatThrownBy(() -> aes.open(UUID.randomUUID(), sealed, 2))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void twoSealsOfOneValueDiffer() throws GeneralSecurityException {
    UUID row = UUID.randomUUID();
    assertThat(aes.seal(row, new byte[] {1, 2})).isNotEqualTo(aes.seal(row, new byte[] {1, 2}));
  }

  @Test
  void refusesAKeyThatIsNotThirtyTwoBytesOfBase64() {
    assertThatThrownBy(() -> new AesGcm("not base64!", "x.key")).hasMessage("x.key is not Base64");
    assertThatThrownBy(() -> new AesGcm(Base64.getEncoder().encodeToString(new byte[16]), "x.key"))
        .hasMessage("x.key must hold 32 bytes");
  }

  @Test
  void refusesAMissingKeyNamingTheSetting() {
    assertThatThrownBy(() -> new AesGcm(null, "fraudtip.webhooks.secret-key"))
        .hasMessageStartingWith("fraudtip.webhooks.secret-key is not set");
    assertThatThrownBy(() -> new AesGcm("  ", "x.key")).hasMessageStartingWith("x.key is not set");
  }
}
