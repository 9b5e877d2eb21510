package io.fraudtip.contracts.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com, "symmetric" scheme): {@code
 * webhook-signature} is {@code v1,} followed by the base64 HMAC-SHA256 of {@code
 * id.timestamp.body}, keyed with the base64-decoded part of the endpoint's {@code whsec_} secret.
 * Several signatures (a secret rotation) are separated by spaces. Used by the notification-service
 * to sign and by receivers (the demo bank, tests) to verify.
 */
public final class WebhookSignature {
  public static final String HEADER_ID = "webhook-id";
  public static final String HEADER_TIMESTAMP = "webhook-timestamp";
  public static final String HEADER_SIGNATURE = "webhook-signature";

  /** Prefix of every secret. */
  public static final String SECRET_PREFIX = "whsec_";

  /** Version prefix of a symmetric signature. */
  public static final String VERSION = "v1";

  /** Shortest and longest secrets the specification allows, in bytes. */
  public static final int MIN_SECRET_BYTES = 24;

  public static final int MAX_SECRET_BYTES = 64;

  /** How far a receiver accepts a timestamp from its own clock, as the specification suggests. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSignature() {}

  /** A new random secret of {@code bytes} bytes, as {@code whsec_<base64>}. */
  public static String newSecret(int bytes) {
    if (bytes < MIN_SECRET_BYTES || bytes > MAX_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "a secret has " + MIN_SECRET_BYTES + " to " + MAX_SECRET_BYTES + " bytes");
    }
    byte[] key = new byte[bytes];
    RANDOM.nextBytes(key);
    return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** The HMAC key of a secret: the base64-decoded part after {@code whsec_}. */
  public static byte[] key(String secret) {
    if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
      throw new IllegalArgumentException("a webhook secret starts with " + SECRET_PREFIX);
    }
    return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
  }

  /** One signature, {@code v1,<base64>}, of a message. */
  public static String sign(String secret, String id, long timestamp, String body) {
    return VERSION
        + ","
        + Base64.getEncoder().encodeToString(hmac(key(secret), id, timestamp, body));
  }

  /**
   * The {@code webhook-signature} header: one signature per secret, space-separated (the current
   * secret and, during a rotation's grace period, the previous one).
   */
  public static String header(List<String> secrets, String id, long timestamp, String body) {
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("no secret to sign with");
    }
    return secrets.stream().map(s -> sign(s, id, timestamp, body)).collect(Collectors.joining(" "));
  }

  /**
   * Whether a delivery is authentic: one of the header's {@code v1} signatures matches (compared in
   * constant time) and the timestamp is within {@code tolerance} of {@code now}.
   */
  public static boolean verify(
      String secret,
      String id,
      String timestamp,
      String body,
      String signatureHeader,
      Instant now,
      Duration tolerance) {
    if (id == null || timestamp == null || signatureHeader == null || body == null) {
      return false;
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.trim());
    } catch (NumberFormatException e) {
      return false;
    }
    if (Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds()) {
      return false;
    }
    byte[] expected = hmac(key(secret), id, seconds, body);
    for (String candidate : signatureHeader.trim().split(" +")) {
      int comma = candidate.indexOf(',');
      if (comma < 0 || !VERSION.equals(candidate.substring(0, comma))) {
        continue;
      }
      byte[] given;
      try {
        given = Base64.getDecoder().decode(candidate.substring(comma + 1));
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (MessageDigest.isEqual(expected, given)) {
        return true;
      }
    }
    return false;
  }

  private static byte[] hmac(byte[] key, String id, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
