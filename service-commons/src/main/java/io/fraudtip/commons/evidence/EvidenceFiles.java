package io.fraudtip.commons.evidence;

import io.fraudtip.commons.problem.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * The one check of an evidence file, for citizens' uploads (intake) and units' (case-service): the
 * content type is detected from the bytes by Apache Tika's magic signatures, never taken from the
 * request's header or the file's name, so an executable named {@code .jpg} is refused. Only images
 * and PDF are kept; a refused file is never stored.
 */
public final class EvidenceFiles {
  /** Who attached a file. */
  public enum Uploader {
    CITIZEN,
    POLICE
  }

  /** Longest kept file name, in characters. */
  public static final int MAX_NAME = 200;

  /** What may be attached: the detected types of photos, screenshots and scanned documents. */
  public static final Set<String> ALLOWED =
      Set.of(
          "image/jpeg", "image/png", "image/webp", "image/heic", "image/heif", "application/pdf");

  // Magic detection only: no name hint is given, and tika-core carries no parsers.
  private static final MimeTypes DETECTOR = MimeTypes.getDefaultMimeTypes();

  /** A file that passed the checks, with what is stored beside its bytes. */
  public record Checked(String name, String contentType, long sizeBytes, String sha256) {
    /** The checksum as an RFC 9530 {@code Repr-Digest} value. */
    public String reprDigest() {
      return reprDigest(sha256);
    }

    /** {@code sha-256=:<Base64>:} of a lower-case hex SHA-256. */
    public static String reprDigest(String sha256Hex) {
      return "sha-256=:"
          + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256Hex))
          + ":";
    }
  }

  private EvidenceFiles() {}

  /**
   * Checks an upload: not empty, at most {@code maxBytes} (413), an allowed type by its bytes
   * (415), a usable name (400).
   */
  public static Checked check(byte[] bytes, String name, long maxBytes) {
    String cleanName = cleanName(name);
    if (bytes == null || bytes.length == 0) {
      throw ProblemException.invalid("file", "empty", "The file is empty");
    }
    if (bytes.length > maxBytes) {
      throw new ProblemException(
          413,
          "evidence-too-large",
          "Payload Too Large",
          "The file has " + bytes.length + " bytes; at most " + maxBytes + " are accepted");
    }
    String type = detect(bytes);
    if (!ALLOWED.contains(type)) {
      throw new ProblemException(
          415,
          "evidence-type",
          "Unsupported Media Type",
          "The file's content is "
              + type
              + " (read from its bytes, whatever its name or Content-Type say): only images"
              + " (JPEG, PNG, WebP, HEIC) and PDF are accepted; nothing was stored");
    }
    return new Checked(named(cleanName, type), type, bytes.length, sha256(bytes));
  }

  /** The extensions a kept type may carry; the first is the one a mismatched name is given. */
  private static final Map<String, List<String>> EXTENSIONS =
      Map.of(
          "image/jpeg", List.of("jpg", "jpeg", "jfif"),
          "image/png", List.of("png"),
          "image/webp", List.of("webp"),
          "image/heic", List.of("heic", "heif"),
          "image/heif", List.of("heif", "heic"),
          "application/pdf", List.of("pdf"));

  /**
   * The name with an extension of its detected type: a PDF named {@code .hta} is downloaded by a
   * unit as {@code .hta.pdf}, which opens as what it is. Cut from the front to {@link #MAX_NAME}.
   */
  static String named(String name, String type) {
    List<String> extensions = EXTENSIONS.getOrDefault(type, List.of());
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    String n =
        extensions.isEmpty() || extensions.contains(extension)
            ? name
            : name + "." + extensions.get(0);
    return n.length() > MAX_NAME ? n.substring(n.length() - MAX_NAME) : n;
  }

  /** The type Tika's magic signatures give the bytes ({@code application/octet-stream} if none). */
  public static String detect(byte[] bytes) {
    try {
      MediaType type = DETECTOR.detect(new ByteArrayInputStream(bytes), new Metadata());
      return type.getBaseType().toString();
    } catch (IOException e) {
      throw new IllegalStateException("reading from memory cannot fail", e);
    }
  }

  /** Lower-case hex SHA-256 of the bytes. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * The name as kept: its last path segment, without control or format characters (a right-to-left
   * override would show {@code fdp.hta} as {@code ath.pdf}), at most {@link #MAX_NAME} characters;
   * required (400).
   */
  public static String cleanName(String name) {
    String n = name == null ? "" : name;
    n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
    n = n.replaceAll("[\\p{Cntrl}\\p{Cf}\"]", "").strip();
    if (n.isEmpty() || n.equals(".") || n.equals("..")) {
      throw ProblemException.invalid("name", "required", "Give the file's name (?name=…)");
    }
    return n.length() > MAX_NAME ? n.substring(n.length() - MAX_NAME) : n;
  }

  /**
   * The text a service signs for an internal read of evidence ({@code GET} has no body): the method
   * and the path, so a signature cannot be replayed on another file.
   */
  public static String signedRead(String path) {
    return "GET " + path;
  }

  /**
   * A {@code Content-Disposition} value that cannot break the header or name a path: an ASCII
   * fallback name and the UTF-8 one (RFC 6266).
   */
  public static String contentDisposition(String name) {
    String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
    StringBuilder encoded = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '.'
          || c == '-'
          || c == '_') {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
