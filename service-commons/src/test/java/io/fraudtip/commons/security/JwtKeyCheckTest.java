package io.fraudtip.commons.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtKeyCheckTest {
  @TempDir Path dir;

  private static String pem() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder()
            .encodeToString(generator.generateKeyPair().getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  @Test
  void aReadablePemKeyPasses() throws Exception {
    Path key = Files.writeString(dir.resolve("jwt-public.pem"), pem());

    assertThatCode(() -> JwtKeyCheck.check(Optional.of(key.toString()), Optional.empty()))
        .doesNotThrowAnyException();
    assertThatCode(() -> JwtKeyCheck.check(Optional.empty(), Optional.of(pem())))
        .doesNotThrowAnyException();
  }

  @Test
  void aMissingKeyFileFailsNamingTheSetting() {
    String missing = dir.resolve("nowhere.pem").toString();

    assertThatThrownBy(() -> JwtKeyCheck.check(Optional.of(missing), Optional.empty()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("mp.jwt.verify.publickey.location (" + missing + ")")
        .hasMessageContaining("cannot be read");
    assertThatThrownBy(() -> JwtKeyCheck.check(Optional.empty(), Optional.empty()))
        .hasMessageStartingWith("mp.jwt.verify.publickey.location is not set");
  }

  @Test
  void aMalformedKeyFailsNamingTheSetting() throws Exception {
    Path garbage =
        Files.writeString(
            dir.resolve("bad.pem"),
            "-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----\n");
    Path notBase64 = Files.writeString(dir.resolve("worse.pem"), "not a key at all!");

    assertThatThrownBy(() -> JwtKeyCheck.check(Optional.of(garbage.toString()), Optional.empty()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("mp.jwt.verify.publickey.location")
        .hasMessageContaining("does not hold a usable RSA public key");
    assertThatThrownBy(() -> JwtKeyCheck.check(Optional.of(notBase64.toString()), Optional.empty()))
        .hasMessageContaining("does not hold a usable RSA public key");
    assertThatThrownBy(() -> JwtKeyCheck.check(Optional.empty(), Optional.of("{\"kty\":\"XX\"}")))
        .hasMessageContaining("mp.jwt.verify.publickey does not hold");
  }
}
