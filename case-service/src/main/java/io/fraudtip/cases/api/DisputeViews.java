package io.fraudtip.cases.api;

import io.fraudtip.cases.core.TimelineKind;
import io.fraudtip.contracts.tips.IdentifierType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers about disputes. */
public final class DisputeViews {
  private DisputeViews() {}

  private static final String DECIDE_BY =
      "By when the deciding unit must decide (fraudtip.cases.dispute-decision-time, 7 days by"
          + " default, after filing or after the last escalation); null once decided";
  private static final String ESCALATIONS =
      "How many times the dispute went to the parent unit because it was not decided in time";
  private static final String ESCALATED_FROM =
      "The unit that let the deadline pass at the last escalation; null if never escalated";
  private static final String OVERDUE =
      "Open past its deadline: about to escalate, or at the top unit with nobody above it";

  /** Where a dispute stands (also the stored status of a dispute). */
  public enum Status {
    OPEN,
    UPHELD,
    REJECTED;

    /** The timeline line a dispute reaching this status writes. */
    public TimelineKind timelineKind() {
      return switch (this) {
        case OPEN -> TimelineKind.DISPUTE_FILED;
        case UPHELD -> TimelineKind.DISPUTE_UPHELD;
        case REJECTED -> TimelineKind.DISPUTE_REJECTED;
      };
    }
  }

  /** A holder or bank contests a listing. */
  @Schema(description = "Khiếu nại việc một định danh bị đưa vào danh sách cảnh báo")
  public record File(
      @Schema(example = "BANK_ACCOUNT") @NotNull IdentifierType type,
      @Schema(example = "970436:0123456789") @NotBlank @Size(max = 400) String value,
      @Schema(example = "Tài khoản của tôi bị kẻ gian mạo danh, tôi không nhận tiền")
          @NotBlank
          @Size(max = 2000)
          String reason) {}

  /** What the filer can follow: why the identifier is flagged, who decides and by when. */
  @Schema(description = "Trạng thái khiếu nại")
  public record Receipt(
      UUID id,
      Status status,
      Instant filedAt,
      Instant decidedAt,
      @Schema(
              example = "PA05-66",
              description =
                  "The police unit that decides the dispute now: the case's unit, or the unit"
                      + " above it the dispute escalated to")
          String decidingUnit,
      @Schema(description = DECIDE_BY) Instant decideBy,
      @Schema(example = "1", description = ESCALATIONS) int escalations,
      @Schema(example = "CAX-24133", description = ESCALATED_FROM) String escalatedFrom,
      @Schema(description = "When the dispute last escalated; null if never") Instant escalatedAt,
      @Schema(example = "false", description = OVERDUE) boolean overdue,
      @Schema(
              description =
                  "Why the identifier is flagged, each reason with who gave it and when (case"
                      + " references only for the holder's bank)")
          List<WatchlistViews.Reason> reasons) {}

  /** A dispute as the case's unit sees it. */
  public record View(
      UUID id,
      UUID caseId,
      IdentifierType type,
      @Schema(example = "970436:0123456789") String value,
      @Schema(example = "BANK") String filedBy,
      @Schema(example = "970436") String bankBin,
      @Schema(example = "Chủ tài khoản bị kẻ gian lợi dụng, không nhận số tiền bị hại chuyển")
          String reason,
      Status status,
      Instant filedAt,
      Instant decidedAt,
      @Schema(example = "officer@CAT-66") String decidedBy,
      @Schema(example = "Chủ tài khoản chứng minh được giao dịch hợp pháp") String decisionNote,
      @Schema(example = "CAT-66", description = "The unit that decides the dispute now")
          String decidingUnit,
      @Schema(description = DECIDE_BY) Instant decideBy,
      @Schema(example = "1", description = ESCALATIONS) int escalations,
      @Schema(example = "CAX-24133", description = ESCALATED_FROM) String escalatedFrom,
      @Schema(example = "false", description = OVERDUE) boolean overdue,
      @Schema(
              description =
                  "Upheld disputes: when a new report from an independent source asked the unit"
                      + " to review the identifier (null when no review is open)")
          Instant reviewRequestedAt) {}

  /** The deciding unit ends a review after an upheld dispute. */
  @Schema(
      description =
          "confirm: the identifier is fraud after all (police confirmation: listed again);"
              + " otherwise dismissed (stays off the watchlist)")
  public record Review(
      @Schema(example = "true") @NotNull Boolean confirm,
      @Schema(example = "Ba nạn nhân độc lập, có sao kê") @Size(max = 2000) String note) {}

  /** The unit's decision. */
  public record Decision(
      @Schema(example = "true") @NotNull Boolean upheld,
      @Schema(example = "Chủ tài khoản chứng minh được giao dịch hợp pháp") @Size(max = 2000)
          String note) {}
}
