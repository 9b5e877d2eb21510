package io.fraudtip.intake.api;

import io.fraudtip.commons.evidence.EvidenceFiles.Uploader;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Evidence files of a tip, as the API shows them (never their bytes inline). */
public final class EvidenceViews {
  private EvidenceViews() {}

  /** One stored file. */
  @Schema(
      name = "EvidenceFile",
      description =
          "A file attached to a tip: its type is what its bytes are (detected), with its SHA-256")
  public record EvidenceFileView(
      @Schema(description = "The file's id") UUID fileId,
      @Schema(description = "The tip it belongs to") UUID tipId,
      @Schema(description = "The file's name as uploaded, cleaned", example = "chuyen-khoan.png")
          String name,
      @Schema(description = "The type detected from the bytes", example = "image/png")
          String contentType,
      @Schema(description = "Size in bytes", example = "48213") long sizeBytes,
      @Schema(
              description = "SHA-256 of the bytes, lower-case hex",
              example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
          String sha256,
      @Schema(description = "Who attached it", example = "CITIZEN") Uploader uploader,
      @Schema(description = "When it was stored") Instant uploadedAt) {}
}
