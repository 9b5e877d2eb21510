package io.fraudtip.commons.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM sealing of data at rest, bound to the id of the row it belongs to: a sealed value is
 * a random 96-bit nonce followed by the ciphertext and its 128-bit tag, and the row id is the
 * associated data, so a value copied onto another row does not open. Each service wraps it in its
 * own stored format.
 */
public final class AesGcm {
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param base64Key the 32-byte key, Base64
   * @param setting the name of the setting that holds it, for the error when it is unusable
   */
  public AesGcm(String base64Key, String setting) {
    if (base64Key == null || base64Key.isBlank()) {
      throw new IllegalStateException(setting + " is not set: give a Base64 AES-256 key");
    }
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64Key.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(setting + " is not Base64");
    }
    if (raw.length != 32) {
      throw new IllegalStateException(setting + " must hold 32 bytes");
    }
    this.key = new SecretKeySpec(raw, "AES");
  }

  /** The nonce and the ciphertext with its tag. */
  public byte[] seal(UUID boundTo, byte[] plain) throws GeneralSecurityException {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce, boundTo).doFinal(plain);
    return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
  }

  /**
   * {@link #seal} written after {@code header} in one array: a large value (a file) is not copied
   * again to put a header before it.
   */
  public byte[] seal(UUID boundTo, byte[] plain, byte[] header) throws GeneralSecurityException {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, boundTo);
    int start = header.length + NONCE_BYTES;
    byte[] out = new byte[start + cipher.getOutputSize(plain.length)];
    System.arraycopy(header, 0, out, 0, header.length);
    System.arraycopy(nonce, 0, out, header.length, NONCE_BYTES);
    int written = cipher.doFinal(plain, 0, plain.length, out, start);
    return start + written == out.length ? out : Arrays.copyOf(out, start + written);
  }

  /** The plain bytes of a value {@link #seal} made for the same id; fails on any other. */
  public byte[] open(UUID boundTo, byte[] sealed) throws GeneralSecurityException {
    return open(boundTo, sealed, 0);
  }

  /** {@link #open} of the sealed value that starts at {@code offset} (after a header). */
  public byte[] open(UUID boundTo, byte[] sealed, int offset) throws GeneralSecurityException {
    if (sealed.length - offset < NONCE_BYTES) {
      throw new GeneralSecurityException("sealed value too short");
    }
    byte[] nonce = new byte[NONCE_BYTES];
    System.arraycopy(sealed, offset, nonce, 0, NONCE_BYTES);
    return cipher(Cipher.DECRYPT_MODE, nonce, boundTo)
        .doFinal(sealed, offset + NONCE_BYTES, sealed.length - offset - NONCE_BYTES);
  }

  private Cipher cipher(int mode, byte[] nonce, UUID boundTo) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(boundTo.toString().getBytes(StandardCharsets.US_ASCII));
    return cipher;
  }
}
