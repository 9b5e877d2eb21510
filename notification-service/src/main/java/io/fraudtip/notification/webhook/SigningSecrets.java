package io.fraudtip.notification.webhook;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fraudtip.commons.crypto.AesGcm;
import io.fraudtip.notification.config.WebhookConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;

/**
 * Seals endpoints' webhook signing secrets at rest with AES-256-GCM under the configured key
 * ({@link AesGcm}, as intake does for reporters' personal data). A sealed value is {@code v1.} and
 * the Base64 of a random 96-bit nonce and the ciphertext with its tag; the endpoint id is bound in
 * as associated data, so a sealed secret copied onto another endpoint does not open. A value still
 * in the clear ({@code whsec_...}, written before secrets were sealed) opens as itself until {@link
 * SecretSealing} seals it at start-up.
 */
// Made at start-up, so that a missing or malformed key fails the start, not the first use.
@Startup
@ApplicationScoped
public class SigningSecrets {
  static final String SEALED_PREFIX = "v1.";
  private static final String CLEAR_PREFIX = "whsec_";

  /**
   * Most secrets kept opened. Banks have a few endpoints each, and a rotated secret is a new sealed
   * value (a new nonce), so old entries only wait to be dropped.
   */
  private static final int OPENED_KEPT = 1024;

  private final AesGcm aes;

  /**
   * Secrets opened, by endpoint and sealed value: the dispatcher opens an endpoint's secret for
   * every batch it claims (2 % of notification-service's CPU in a profile at 150 tips/s). The
   * opened secret is in this process's memory while it signs anyway.
   */
  private final Cache<Sealed, String> opened =
      Caffeine.newBuilder().maximumSize(OPENED_KEPT).build();

  private record Sealed(UUID endpointId, String value) {}

  @Inject
  SigningSecrets(WebhookConfig config) {
    this(config.secretKey());
  }

  /** Secrets sealed with a Base64 AES-256 key. */
  public SigningSecrets(String base64Key) {
    this.aes = new AesGcm(base64Key, "fraudtip.webhooks.secret-key");
  }

  /** The secret sealed for storage on the endpoint. */
  public String seal(UUID endpointId, String secret) {
    try {
      byte[] sealed = aes.seal(endpointId, secret.getBytes(StandardCharsets.UTF_8));
      return SEALED_PREFIX + Base64.getEncoder().encodeToString(sealed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal a signing secret", e);
    }
  }

  /** The secret stored on the endpoint, in the clear; null stays null. */
  public String open(UUID endpointId, String stored) {
    if (stored == null || isClear(stored)) {
      return stored;
    }
    return opened.get(new Sealed(endpointId, stored), k -> openSealed(endpointId, stored));
  }

  private String openSealed(UUID endpointId, String stored) {
    if (!stored.startsWith(SEALED_PREFIX)) {
      throw new IllegalStateException("unknown sealed secret format on endpoint " + endpointId);
    }
    try {
      byte[] sealed = Base64.getDecoder().decode(stored.substring(SEALED_PREFIX.length()));
      return new String(aes.open(endpointId, sealed), StandardCharsets.UTF_8);
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
