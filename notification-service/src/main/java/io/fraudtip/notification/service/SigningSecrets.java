package io.fraudtip.notification.service;

import io.fraudtip.notification.config.WebhookConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
 * Seals endpoints' webhook signing secrets at rest with AES-256-GCM under the configured key, as
 * intake does for reporters' personal data. A sealed value is {@code v1.} and the Base64 of a
 * random 96-bit nonce and the ciphertext with its tag; the endpoint id is bound in as associated
 * data, so a sealed secret copied onto another endpoint does not open. A value still in the clear
 * ({@code whsec_...}, written before secrets were sealed) opens as itself until {@link
 * SecretSealing} seals it at start-up.
 */
@ApplicationScoped
public class SigningSecrets {
  static final String SEALED_PREFIX = "v1.";
  private static final String CLEAR_PREFIX = "whsec_";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  @Inject
  SigningSecrets(WebhookConfig config) {
    this(config.secretKey());
  }

  /** Secrets sealed with a Base64 AES-256 key. */
  public SigningSecrets(String base64Key) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64Key.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("fraudtip.webhooks.secret-key is not Base64");
    }
    if (raw.length != 32) {
      throw new IllegalStateException("fraudtip.webhooks.secret-key must hold 32 bytes");
    }
    this.key = new SecretKeySpec(raw, "AES");
  }

  /** The secret sealed for storage on the endpoint. */
  public String seal(UUID endpointId, String secret) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(endpointId.toString().getBytes(StandardCharsets.US_ASCII));
      byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
      return SEALED_PREFIX + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal a signing secret", e);
    }
  }

  /** The secret stored on the endpoint, in the clear; null stays null. */
  public String open(UUID endpointId, String stored) {
    if (stored == null || isClear(stored)) {
      return stored;
    }
    if (!stored.startsWith(SEALED_PREFIX)) {
      throw new IllegalStateException("unknown sealed secret format on endpoint " + endpointId);
    }
    try {
      ByteBuffer in =
          ByteBuffer.wrap(Base64.getDecoder().decode(stored.substring(SEALED_PREFIX.length())));
      byte[] nonce = new byte[NONCE_BYTES];
      in.get(nonce);
      byte[] body = new byte[in.remaining()];
      in.get(body);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(endpointId.toString().getBytes(StandardCharsets.US_ASCII));
      return new String(cipher.doFinal(body), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "cannot open the signing secret of endpoint " + endpointId, e);
    }
  }

  /** Whether a stored value is a secret still in the clear. */
  public static boolean isClear(String stored) {
    return stored != null && stored.startsWith(CLEAR_PREFIX);
  }
}
