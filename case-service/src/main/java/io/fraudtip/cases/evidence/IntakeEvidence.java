package io.fraudtip.cases.evidence;

import com.fasterxml.jackson.core.type.TypeReference;
import io.fraudtip.cases.config.ContactConfig;
import io.fraudtip.commons.evidence.EvidenceFiles;
import io.fraudtip.commons.evidence.EvidenceFiles.Uploader;
import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.commons.security.ServiceSignatures;
import io.fraudtip.contracts.Json;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads reporters' files from intake, which keeps them with their tips: calls signed with the key
 * the services share (that of contact reads), the signed text being the method and path ({@link
 * EvidenceFiles#signedRead}). The caller has checked the unit's scope first.
 */
@ApplicationScoped
public class IntakeEvidence {
  /** A reporter's file as intake lists it. */
  public record IntakeFile(
      UUID fileId,
      UUID tipId,
      String name,
      String contentType,
      long sizeBytes,
      String sha256,
      Uploader uploader,
      Instant uploadedAt) {}

  /** Intake could not be asked, or answered otherwise than expected. */
  public static class Unavailable extends Exception {
    Unavailable(String why) {
      super(why, null, false, false);
    }
  }

  private final ContactConfig config;
  private final Optional<ServiceSignatures> signatures;
  private final HttpClient http;

  IntakeEvidence(ContactConfig config) {
    this.config = config;
    this.signatures =
        config
            .key()
            .filter(k -> !k.isBlank())
            .map(k -> new ServiceSignatures(k, "fraudtip.contact-reads.key"));
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(config.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** The files of one tip. */
  public List<IntakeFile> list(UUID tipId) throws Unavailable {
    HttpResponse<byte[]> answer = get("/internal/v1/tips/" + tipId + "/evidence");
    if (answer.statusCode() != 200) {
      throw new Unavailable("intake answered " + answer.statusCode());
    }
    try {
      return Json.events().readValue(answer.body(), new TypeReference<List<IntakeFile>>() {});
    } catch (IOException e) {
      throw new Unavailable("intake's list is unreadable");
    }
  }

  /** One file's bytes; 404 when intake has no such file on the tip. */
  public Download file(UUID tipId, UUID fileId) throws Unavailable {
    HttpResponse<byte[]> answer = get("/internal/v1/tips/" + tipId + "/evidence/" + fileId);
    if (answer.statusCode() == 404) {
      throw ProblemException.notFound("Evidence file " + fileId + " of tip " + tipId);
    }
    if (answer.statusCode() != 200) {
      throw new Unavailable("intake answered " + answer.statusCode());
    }
    byte[] bytes = answer.body();
    // The type and checksum are ours to state: recomputed from the bytes that arrived.
    return new Download(
        nameOf(answer), EvidenceFiles.detect(bytes), EvidenceFiles.sha256(bytes), bytes);
  }

  private static String nameOf(HttpResponse<?> answer) {
    String disposition = answer.headers().firstValue("Content-Disposition").orElse("");
    int at = disposition.indexOf("filename*=UTF-8''");
    if (at >= 0) {
      return java.net.URLDecoder.decode(
          disposition.substring(at + 17), java.nio.charset.StandardCharsets.UTF_8);
    }
    return "evidence";
  }

  private HttpResponse<byte[]> get(String path) throws Unavailable {
    ServiceSignatures keys =
        signatures.orElseThrow(() -> new Unavailable("fraudtip.contact-reads.key is not set"));
    long now = Instant.now().getEpochSecond();
    String base = config.intakeUrl().toString().replaceAll("/+$", "");
    HttpRequest call =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(config.timeout())
            .header(ServiceSignatures.TIMESTAMP, Long.toString(now))
            .header(ServiceSignatures.SIGNATURE, keys.sign(now, EvidenceFiles.signedRead(path)))
            .GET()
            .build();
    try {
      return http.send(call, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new Unavailable("intake unreachable: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("interrupted");
    }
  }
}
