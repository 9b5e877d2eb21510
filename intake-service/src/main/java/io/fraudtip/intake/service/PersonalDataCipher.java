package io.fraudtip.intake.service;

import io.fraudtip.contracts.Json;
import io.fraudtip.intake.config.IntakeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals reporters' personal data with AES-256-GCM under the configured key. A sealed value is a
 * format byte, a random 96-bit nonce and the ciphertext with its tag; the tip id is bound in as
 * associated data, so a sealed value copied onto another tip does not open.
 */
@ApplicationScoped
public class PersonalDataCipher {
  private static final byte FORMAT = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  @Inject
  PersonalDataCipher(IntakeConfig config) {
    this(config.personalData().key());
  }

  /** A cipher with a Base64 AES-256 key. */
  public PersonalDataCipher(String base64Key) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64Key.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("fraudtip.intake.personal-data.key is not Base64");
    }
    if (raw.length != 32) {
      throw new IllegalStateException("fraudtip.intake.personal-data.key must hold 32 bytes");
    }
    this.key = new SecretKeySpec(raw, "AES");
  }

  public byte[] seal(UUID tipId, ReporterData data) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(tipId.toString().getBytes(StandardCharsets.US_ASCII));
      byte[] sealed = cipher.doFinal(Json.events().writeValueAsBytes(data));
      return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
          .put(FORMAT)
          .put(nonce)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot seal personal data", e);
    }
  }

  public ReporterData open(UUID tipId, byte[] sealed) {
    try {
      ByteBuffer in = ByteBuffer.wrap(sealed);
      if (in.get() != FORMAT) {
        throw new IllegalStateException("unknown sealed format");
      }
      byte[] nonce = new byte[NONCE_BYTES];
      in.get(nonce);
      byte[] body = new byte[in.remaining()];
      in.get(body);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(tipId.toString().getBytes(StandardCharsets.US_ASCII));
      return Json.events().readValue(cipher.doFinal(body), ReporterData.class);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot open personal data of tip " + tipId, e);
    }
  }
}
