package io.fraudtip.intake.service;

import io.fraudtip.commons.crypto.AesGcm;
import io.fraudtip.contracts.Json;
import io.fraudtip.intake.config.IntakeConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.UUID;

/**
 * Seals reporters' personal data with AES-256-GCM under the configured key ({@link AesGcm}, bound
 * to the tip id, so a sealed value copied onto another tip does not open), and reporters' evidence
 * files (each bound to its file id). A sealed value is a format byte followed by the nonce, the
 * ciphertext and its tag.
 */
// Made at start-up, so that a missing or malformed key fails the start, not the first use.
@Startup
@ApplicationScoped
public class PersonalDataCipher {
  private static final byte FORMAT = 1;
  private static final byte FILE_FORMAT = 2;

  private final AesGcm aes;

  @Inject
  PersonalDataCipher(IntakeConfig config) {
    this(config.personalData().key());
  }

  /** A cipher with a Base64 AES-256 key. */
  public PersonalDataCipher(String base64Key) {
    this.aes = new AesGcm(base64Key, "fraudtip.intake.personal-data.key");
  }

  public byte[] seal(UUID tipId, ReporterData data) {
    try {
      byte[] sealed = aes.seal(tipId, Json.events().writeValueAsBytes(data));
      return ByteBuffer.allocate(1 + sealed.length).put(FORMAT).put(sealed).array();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot seal personal data", e);
    }
  }

  public ReporterData open(UUID tipId, byte[] sealed) {
    if (sealed.length == 0 || sealed[0] != FORMAT) {
      throw new IllegalStateException("unknown sealed format");
    }
    try {
      byte[] plain = aes.open(tipId, Arrays.copyOfRange(sealed, 1, sealed.length));
      return Json.events().readValue(plain, ReporterData.class);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot open personal data of tip " + tipId, e);
    }
  }

  /** Seals the bytes of a reporter's file, bound to the file's id. */
  public byte[] sealFile(UUID fileId, byte[] plain) {
    try {
      return aes.seal(fileId, plain, new byte[] {FILE_FORMAT});
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal evidence file " + fileId, e);
    }
  }

  /** The bytes of a file {@link #sealFile} sealed under this id. */
  public byte[] openFile(UUID fileId, byte[] sealed) {
    if (sealed.length == 0 || sealed[0] != FILE_FORMAT) {
      throw new IllegalStateException("unknown sealed format of evidence file " + fileId);
    }
    try {
      return aes.open(fileId, sealed, 1);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot open evidence file " + fileId, e);
    }
  }
}
