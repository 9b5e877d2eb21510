package io.fraudtip.localstack.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The AES-256 key a local stack's notification-service seals the banks' webhook signing secrets
 * with. Kept beside the data: a new key would leave the stored endpoints' secrets unreadable.
 */
public final class WebhookSecretKey {
  public static final String FILE = "webhook-secrets.key";

  private WebhookSecretKey() {}

  /** The Base64 key kept in the directory, made on first use. */
  public static String loadOrCreate(Path directory) {
    Path file = directory.resolve(FILE);
    try {
      if (Files.exists(file)) {
        return Files.readString(file).trim();
      }
      Files.createDirectories(directory);
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      String encoded = Base64.getEncoder().encodeToString(key);
      Files.writeString(file, encoded + "\n");
      return encoded;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
