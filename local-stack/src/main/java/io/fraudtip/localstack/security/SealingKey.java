package io.fraudtip.localstack.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * An AES-256 key a local stack's service seals stored data with. Kept beside the data, in a file of
 * the stack's key directory: a new key would leave what was sealed with the old one unreadable.
 */
public enum SealingKey {
  /** intake-service's key for reporters' personal data. */
  PERSONAL_DATA("personal-data.key"),
  /** notification-service's key for the banks' webhook signing secrets. */
  WEBHOOK_SECRETS("webhook-secrets.key"),
  /**
   * The key case-service signs its calls for a reporter's contact with, and intake checks them with
   * (an HMAC key, not a sealing one, kept the same way).
   */
  CONTACT_READS("contact-reads.key");

  private final String file;

  SealingKey(String file) {
    this.file = file;
  }

  /** The file name inside the key directory. */
  public String file() {
    return file;
  }

  /** The Base64 key kept in the directory, made on first use. */
  public String loadOrCreate(Path directory) {
    Path path = directory.resolve(file);
    try {
      if (Files.exists(path)) {
        return Files.readString(path).trim();
      }
      Files.createDirectories(directory);
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      String encoded = Base64.getEncoder().encodeToString(key);
      Files.writeString(path, encoded + "\n");
      return encoded;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
