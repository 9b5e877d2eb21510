package io.fraudtip.cases.api;

import io.fraudtip.cases.core.CaseStage;
import io.fraudtip.cases.freezes.HoldState;
import io.fraudtip.contracts.cases.CaseStatus;
import io.fraudtip.contracts.cases.Closure;
import io.fraudtip.contracts.tips.IdentifierType;
import io.fraudtip.contracts.tips.ScamType;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.contracts.tips.TrustLevel;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The records the police API answers with. */
public final class CaseViews {
  private CaseViews() {}

  /** A case in a unit's list. */
  @Schema(description = "A case in a police unit's list")
  public record CaseSummary(
      UUID id,
      @Schema(example = "VN-1A2B3C4D") String reference,
      CaseStatus status,
      CaseStage stage,
      @Schema(example = "1", description = "1 is the most urgent") int priority,
      ScamType scamType,
      @Schema(example = "PA05-66") String unitCode,
      @Schema(example = "R-LARGE-LOSS") String ruleId,
      @Schema(example = "3") int victims,
      @Schema(example = "1") int provinces,
      @Schema(example = "150000000") long totalLossVnd,
      Instant latestTransferAt,
      Instant openedAt,
      Instant ackDueAt,
      Instant legalDueAt) {}

  /** One page of a list. */
  @Schema(description = "One page of cases, most urgent first, then oldest")
  public record CasePage(
      List<CaseSummary> items,
      @Schema(example = "0", description = "This page's number, from 0") int page,
      @Schema(example = "50", description = "Cases per page") int size,
      @Schema(example = "1", description = "Cases that match, on all pages") long total) {}

  /** A search by an old 11-digit mobile number that found one case. */
  public static final String EXAMPLE_PAGE =
      "{\"items\":[{\"id\":\"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d\",\"reference\":\"VN-1A2B3C4D\","
          + "\"status\":\"ASSIGNED\",\"stage\":\"ASSIGNED\",\"priority\":2,"
          + "\"scamType\":\"IMPERSONATION_AUTHORITY\",\"unitCode\":\"PA05-66\","
          + "\"ruleId\":\"R-66-CYBER\",\"victims\":3,\"provinces\":1,"
          + "\"totalLossVnd\":150000000,\"latestTransferAt\":\"2026-11-28T02:10:00Z\","
          + "\"openedAt\":\"2026-11-27T09:00:00Z\",\"ackDueAt\":\"2026-11-27T13:00:00Z\","
          + "\"legalDueAt\":\"2026-12-17T09:00:00Z\"}],\"page\":0,\"size\":50,\"total\":1}";

  /** The answer to a phone number that is not one. */
  public static final String EXAMPLE_BAD_IDENTIFIER =
      "{\"type\":\"validation\",\"title\":\"Bad Request\",\"status\":400,"
          + "\"detail\":\"The request has 1 invalid field(s)\",\"instance\":\"/api/v1/cases\","
          + "\"errors\":[{\"field\":\"identifier\",\"code\":\"phone.invalid\","
          + "\"message\":\"Not a valid phone number\"}]}";

  /** A case with its tips, identifiers, assignments and timeline. */
  @Schema(description = "A case with its tips, identifiers, assignments and timeline")
  public record CaseDetail(
      UUID id,
      @Schema(example = "VN-1A2B3C4D") String reference,
      CaseStatus status,
      CaseStage stage,
      Closure closure,
      @Schema(example = "PA05-66") String unitCode,
      @Schema(example = "R-LARGE-LOSS") String ruleId,
      @Schema(example = "1") int priority,
      ScamType scamType,
      @Schema(example = "66") String provinceCode,
      @Schema(example = "24133") String communeCode,
      @Schema(example = "3", description = "Tips (reports) in the case") int victims,
      @Schema(
              example = "2",
              description =
                  "Independent sources among the tips (SPEC §10): what priority and the routing"
                      + " rules' minVictims count")
          int independentSources,
      @Schema(example = "1") int provinces,
      @Schema(example = "150000000") long totalLossVnd,
      Instant latestTransferAt,
      @Schema(example = "120000000") long frozenVnd,
      @Schema(example = "30000000") long restoredVnd,
      Instant openedAt,
      Instant updatedAt,
      Instant assignedAt,
      Instant acknowledgedAt,
      Instant ackDueAt,
      Instant legalDueAt,
      Instant closedAt,
      @Schema(description = "When the unit marked the case complex (two months to decide)")
          Instant complexAt,
      @Schema(description = "When the legal deadline of the complex case was extended (once)")
          Instant legalExtendedAt,
      UUID mergedInto,
      @Schema(
              description =
                  "A case closed as unfounded whose identifiers this case's tips named again; it"
                      + " stays closed (SPEC §10)")
          UUID refersToCaseId,
      @Schema(example = "VN-9F8E7D6C") String refersToReference,
      @Schema(
              description = "Also the ETag; send it back in If-Match to change the case",
              example = "7")
          long version,
      List<TipView> tips,
      List<IdentifierView> identifiers,
      List<AssignmentView> assignments,
      List<TimelineView> timeline,
      @Schema(
              description =
                  "The unit's freeze requests, oldest first, with their standing orders and the"
                      + " accounts each authorised (named, or traced under the standing order)")
          List<FreezeRequestView> freezeRequests) {}

  /** A tip of a case, as received. */
  public record TipView(
      UUID tipId,
      Instant receivedAt,
      @Schema(example = "66") String provinceCode,
      @Schema(example = "24133") String communeCode,
      ScamType scamType,
      TrustLevel trust,
      @Schema(example = "45000000") long amountLostVnd,
      TipReceivedV1 tip) {}

  /** An identifier of a case. */
  public record IdentifierView(
      IdentifierType type,
      @Schema(example = "970436:0123456789") String value,
      @Schema(example = "970436") String bankBin,
      boolean foreign,
      @Schema(description = "1: paid by a victim; 2 and up: the money moved on", example = "1")
          int layer,
      @Schema(example = "3") int reportCount,
      Instant firstReportedAt,
      @Schema(description = "Off the watchlist (upheld dispute or allow-list)") Instant delistedAt,
      @Schema(description = "The case was closed as unfounded: the identifier links nothing more")
          Instant retiredAt,
      @Schema(
              description =
                  "An independent report after an upheld dispute awaits the unit's review"
                      + " (POST /api/v1/disputes/{id}/review)")
          Instant reviewRequestedAt,
      @Schema(
              description =
                  "The police unit that entered the identifier by hand (POST"
                      + " /api/v1/cases/{id}/identifiers); absent when a tip named it first or a"
                      + " bank's answer traced it",
              example = "PA05-66")
          String enteredBy) {}

  /** One assignment of the case, with the rule that chose the unit. */
  public record AssignmentView(
      @Schema(example = "PA05-66") String unitCode,
      @Schema(example = "R-LARGE-LOSS") String ruleId,
      @Schema(example = "ROUTED") String reason,
      @Schema(example = "system") String actor,
      Instant assignedAt) {}

  /** A police unit's freeze request: the authority that freeze.requested webhooks name. */
  public record FreezeRequestView(
      @Schema(description = "Named as authorisation.requestId in freeze.requested webhooks")
          UUID id,
      @Schema(example = "PA05-66") String unitCode,
      @Schema(example = "officer@PA05-66") String requestedBy,
      Instant requestedAt,
      @Schema(example = "Tiền của bị hại chuyển vào tài khoản này ngày 25/11") String note,
      @Schema(description = "A standing order to follow the money trail") boolean followTrail,
      @Schema(description = "The deepest layer the standing order reaches", example = "2")
          Integer maxLayer,
      @Schema(description = "When the standing order ends") Instant until,
      List<FrozenAccountView> accounts) {}

  /** One account a freeze request asked its bank to freeze, with the bounded hold. */
  public record FrozenAccountView(
      @Schema(
              description =
                  "The hold, to extend or lift (POST /api/v1/cases/{id}/holds/{holdId}/extension,"
                      + " /lift)")
          UUID holdId,
      @Schema(example = "970422") String bankBin,
      @Schema(example = "0987654321") String accountNumber,
      @Schema(example = "2") int layer,
      @Schema(description = "Traced under the standing order rather than named by the unit")
          boolean byStandingOrder,
      @Schema(
              description =
                  "The amount to hold: what reached the account as far as the case knows (victims'"
                      + " transfers, amounts banks traced on to it); absent when unknown",
              example = "15000000")
          Long holdAmountVnd,
      @Schema(
              description =
                  "When the hold lapses unless the unit extends it (90 days by default; the latest"
                      + " extension's date once extended)")
          Instant holdExpiresAt,
      Instant requestedAt,
      @Schema(
              description =
                  "HELD (also when extended: see extensions), LIFTED (by the unit, or by the"
                      + " platform when the case was closed unfounded or a dispute upheld) or"
                      + " EXPIRED",
              example = "HELD")
          HoldState state,
      @Schema(description = "The unit's extensions, oldest first, each with its reason")
          List<HoldExtensionView> extensions,
      @Schema(description = "When the hold was lifted or expired") Instant endedAt,
      @Schema(description = "Who ended it: an officer, or system", example = "system")
          String endedBy,
      @Schema(
              description = "Why it was lifted",
              example = "Case closed as UNFOUNDED: the police authority to hold ends")
          String endReason) {}

  /** One extension of a hold. */
  public record HoldExtensionView(
      @Schema(example = "PA05-66") String unitCode,
      @Schema(example = "officer@PA05-66") String extendedBy,
      Instant extendedAt,
      @Schema(example = "Chờ quyết định phong tỏa của Tòa án nhân dân tỉnh Đắk Lắk") String reason,
      Instant previousExpiresAt,
      Instant newExpiresAt) {}

  /** One line of the timeline. */
  public record TimelineView(
      Instant at,
      @Schema(example = "NOTE") String kind,
      @Schema(example = "officer@PA05-66") String actor,
      @Schema(example = "PA05-66") String unitCode,
      @Schema(example = "R-LARGE-LOSS") String ruleId,
      @Schema(example = "Đã đề nghị Vietcombank cung cấp sao kê tài khoản nhận tiền")
          String detail) {}

  /** A case near or past its legal deadline. */
  @Schema(
      description =
          "A case near or past its legal deadline (CPC 2015 art. 147: 20 days; two months when"
              + " complex, extendable once by two months)")
  public record LegalClockItem(
      UUID id,
      @Schema(example = "VN-1A2B3C4D") String reference,
      @Schema(example = "PA05-66") String unitCode,
      CaseStage stage,
      Instant openedAt,
      Instant legalDueAt,
      @Schema(description = "Negative when past the deadline", example = "3") long daysLeft,
      boolean overdue,
      @Schema(description = "Marked complex: two months from receipt") boolean complex,
      @Schema(description = "Extended once by two months") boolean extended) {}
}
