package io.fraudtip.cases.api;

import io.fraudtip.cases.api.CaseViews.FreezeRequestView;
import io.fraudtip.cases.api.ContactViews.ReporterContact;
import io.fraudtip.cases.core.CaseStage;
import io.fraudtip.commons.evidence.EvidenceFiles.Uploader;
import io.fraudtip.contracts.alerts.AlertOutcome;
import io.fraudtip.contracts.cases.CaseStatus;
import io.fraudtip.contracts.cases.Closure;
import io.fraudtip.contracts.tips.Channel;
import io.fraudtip.contracts.tips.IdentifierType;
import io.fraudtip.contracts.tips.ScamType;
import io.fraudtip.contracts.tips.TrustLevel;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The case file: a case's facts in one document, to hand to a prosecutor or a court. */
public final class CaseFileViews {
  private CaseFileViews() {}

  /** The case file. */
  @Schema(
      description =
          "A case's facts in one document (also as PDF with Accept: application/pdf): tips (the"
              + " reporters' contacts only when asked with contactReason, each read logged),"
              + " identifiers by layer, timeline, bank answers, amounts held and restored,"
              + " evidence with checksums")
  public record CaseFile(
      UUID caseId,
      @Schema(example = "VN-79B14337") String reference,
      CaseStatus status,
      CaseStage stage,
      Closure closure,
      @Schema(example = "PA05-66") String unitCode,
      ScamType scamType,
      @Schema(example = "66") String provinceCode,
      @Schema(example = "24133") String communeCode,
      Instant openedAt,
      Instant closedAt,
      @Schema(description = "The case this one was merged into, if any") UUID mergedInto,
      @Schema(example = "3") int victims,
      @Schema(example = "1") int provinces,
      Amounts amounts,
      @Schema(description = "When the file was made") Instant generatedAt,
      @Schema(description = "Who made it: unit and officer", example = "PA05-66 officer@PA05-66")
          String generatedBy,
      @Schema(
              description =
                  "Whether the reporters' contacts were asked for (contactReason); each tip's"
                      + " read is in the access log")
          boolean contactsIncluded,
      List<FileTip> tips,
      @Schema(description = "The case's identifiers by layer: 1 is what victims paid or named")
          List<IdentifierLayer> identifierLayers,
      List<FileTimelineLine> timeline,
      @Schema(description = "Banks' answers to alerts, oldest first; superseded ones kept")
          List<BankAnswer> bankAnswers,
      List<FreezeRequestView> freezeRequests,
      @Schema(description = "Evidence files of the case and its tips, with their checksums")
          List<EvidenceEntry> evidence,
      @Schema(
              description =
                  "Null when the evidence list is complete; otherwise why the reporters' files"
                      + " are missing from it (intake-service could not be asked)",
              example =
                  "The reporters' files could not be read from intake-service now (intake"
                      + " answered 503): only the units' files are listed")
          String evidenceNote) {}

  /** The money of the case. */
  public record Amounts(
      @Schema(description = "What victims reported lost", example = "150000000") long lossVnd,
      @Schema(description = "Held by banks (current answers)", example = "120000000") long heldVnd,
      @Schema(description = "Returned to victims", example = "0") long restoredVnd) {}

  /** A tip as the file shows it. */
  public record FileTip(
      UUID tipId,
      Instant receivedAt,
      Instant occurredAt,
      Channel channel,
      TrustLevel trust,
      @Schema(example = "66") String provinceCode,
      @Schema(example = "24133") String communeCode,
      ScamType scamType,
      @Schema(example = "Người gọi tự xưng công an, yêu cầu chuyển tiền để xác minh")
          String description,
      @Schema(example = "45000000") long amountLostVnd,
      List<FileTransfer> transfers,
      @Schema(
              description =
                  "The reporter's contact: only when the file was asked with contactReason, and"
                      + " the tip was not anonymous")
          ReporterContact reporter) {}

  /** A transfer a victim made. */
  public record FileTransfer(
      @Schema(example = "970436") String bankBin,
      @Schema(example = "0451000123456") String accountNumber,
      @Schema(example = "NGUYEN VAN A") String accountName,
      @Schema(example = "45000000") long amountVnd,
      Instant at) {}

  /** The identifiers of one layer. */
  public record IdentifierLayer(
      @Schema(example = "1") int layer, List<FileIdentifier> identifiers) {}

  /** One identifier. */
  public record FileIdentifier(
      IdentifierType type,
      @Schema(example = "970436:0451000123456") String value,
      @Schema(example = "970436") String bankBin,
      @Schema(example = "3") int reportCount,
      Instant firstReportedAt,
      Instant delistedAt) {}

  /** One line of the timeline. */
  public record FileTimelineLine(
      Instant at,
      @Schema(example = "NOTE") String kind,
      @Schema(example = "officer@PA05-66") String actor,
      @Schema(example = "PA05-66") String unitCode,
      @Schema(example = "Đã đề nghị Vietcombank cung cấp sao kê tài khoản nhận tiền")
          String detail) {}

  /** A bank's answer about one account. */
  public record BankAnswer(
      @Schema(example = "970422") String bankBin,
      @Schema(example = "0987654321") String accountNumber,
      @Schema(example = "2") int layer,
      AlertOutcome outcome,
      @Schema(example = "15000000") long heldVnd,
      @Schema(example = "0") long restoredVnd,
      Instant respondedAt,
      @Schema(description = "False once a later answer replaced it") boolean current) {}

  /** An evidence file: a reporter's (on a tip) or one the unit attached to the case. */
  @Schema(
      description =
          "An evidence file: its type is what its bytes are (detected), with its SHA-256 and where"
              + " the unit downloads it")
  public record EvidenceEntry(
      UUID fileId,
      @Schema(description = "The tip it belongs to; null for a file the unit attached") UUID tipId,
      @Schema(example = "chuyen-khoan.png") String name,
      @Schema(description = "Detected from the bytes", example = "image/png") String contentType,
      @Schema(example = "48213") long sizeBytes,
      @Schema(
              description = "SHA-256 of the bytes, lower-case hex",
              example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
          String sha256,
      Instant attachedAt,
      @Schema(
              description = "The reporter (CITIZEN), or the unit and officer who attached it",
              example = "PA05-66 officer@PA05-66")
          String attachedBy,
      @Schema(description = "Who attached it", example = "POLICE") Uploader uploader,
      @Schema(
              description = "Where the unit downloads the bytes",
              example =
                  "/api/v1/cases/5b7e2c1a-9d4f-4e8b-a2c6-7f1e0d3b9a84/evidence/0b8f6a52-1d7e-4f0a-9c3b-5e2d7a4c9f10")
          String download) {}

  /** A case's evidence list, as its unit reads it. */
  @Schema(
      description = "A case's evidence: the units' files, then the reporters' files of its tips")
  public record EvidenceList(
      List<EvidenceEntry> files,
      @Schema(
              description =
                  "Null when the list is complete; otherwise why the reporters' files are missing"
                      + " (intake-service could not be asked)",
              example =
                  "The reporters' files could not be read from intake-service now (intake"
                      + " answered 503): only the units' files are listed")
          String note) {}
}
