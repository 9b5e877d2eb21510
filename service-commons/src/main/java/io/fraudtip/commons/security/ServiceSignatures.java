package io.fraudtip.commons.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks a call from one of the platform's services to another (case-service asking
 * intake for a reporter's contact). The caller sends {@value #TIMESTAMP} (epoch seconds) and
 * {@value #SIGNATURE} ({@code v1,} + Base64 HMAC-SHA256 of {@code timestamp.body}) under a key both
 * services are configured with; the key never travels, a changed body or an old timestamp fails,
 * and the callee refuses a body it has already served (its own replay check). The same scheme as
 * the Standard Webhooks the banks verify, so one idea covers both.
 */
public final class ServiceSignatures {
  public static final String TIMESTAMP = "Fraudtip-Service-Timestamp";
  public static final String SIGNATURE = "Fraudtip-Service-Signature";

  /** {@value #TIMESTAMP} as the API documents show it: seconds since the epoch. */
  public static final String TIMESTAMP_EXAMPLE = "1796670641";

  /** {@value #SIGNATURE} as the API documents show it. */
  public static final String SIGNATURE_EXAMPLE = "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=";

  private final byte[] key;

  /**
   * @param base64Key at least 32 random bytes, Base64
   * @param setting the setting that holds it, named when it is unusable
   */
  public ServiceSignatures(String base64Key, String setting) {
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(base64Key == null ? "" : base64Key.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(setting + " is not Base64", e);
    }
    if (decoded.length < 32) {
      throw new IllegalStateException(setting + " must hold at least 32 bytes (Base64)");
    }
    this.key = decoded;
  }

  /** The {@value #SIGNATURE} header value of a body sent at {@code timestamp}. */
  public String sign(long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform has HmacSHA256", e);
    }
  }

  /**
   * Whether the headers sign this body under our key, and the timestamp is within {@code tolerance}
   * of {@code now}.
   */
  public boolean verify(
      String timestamp, String signature, String body, Instant now, Duration tolerance) {
    if (timestamp == null || signature == null || body == null) {
      return false;
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      return false;
    }
    if (Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds()) {
      return false;
    }
    return MessageDigest.isEqual(
        sign(seconds, body).getBytes(StandardCharsets.US_ASCII),
        signature.strip().getBytes(StandardCharsets.US_ASCII));
  }
}
