package io.fraudtip.cases.api;

import io.fraudtip.cases.api.CaseViews.CaseDetail;
import io.fraudtip.cases.core.CaseStage;
import io.fraudtip.contracts.tips.IdentifierType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies and answers of a unit's work on its cases by hand: identifiers, merge, split. */
public final class CaseWorkRequests {
  private CaseWorkRequests() {}

  /** The longest reason a unit gives for its work by hand. */
  public static final int MAX_REASON = 2000;

  /**
   * An identifier found during the investigation. A bank account is named as tips name it, by
   * {@code bank} and {@code accountNumber}; every other type by {@code value}.
   */
  @Schema(
      description =
          "An identifier the unit found during its investigation, entered into the case. It is"
              + " normalised as tips' identifiers are, links and merges as a tip's would, counts as"
              + " a report of a verified reporter (the unit), is listed on the watchlist, and a"
              + " bank account alerts its bank (account.reported). A URL also adds its"
              + " registrable domain, as from a tip.")
  public record AddIdentifier(
      @Schema(
              description =
                  "PHONE, BANK_ACCOUNT, URL, DOMAIN, SOCIAL_ACCOUNT (PLATFORM:handle),"
                      + " CRYPTO_WALLET or APP_PACKAGE",
              example = "BANK_ACCOUNT",
              required = true)
          @NotNull
          IdentifierType type,
      @Schema(
              description =
                  "The identifier as typed, for every type but BANK_ACCOUNT: a phone number"
                      + " (Vietnamese by default), a URL or domain, ZALO:0869123456, a wallet"
                      + " address, an app package",
              example = "https://bocongan-xacminh.com/login")
          @Size(max = 2000)
          String value,
      @Schema(
              description =
                  "BANK_ACCOUNT: the bank, by NAPAS BIN, code, name or former name (as in tips);"
                      + " stored as the BIN",
              example = "970422")
          @Size(max = 60)
          String bank,
      @Schema(
              description = "BANK_ACCOUNT: the account number; spaces, dots and dashes are removed",
              example = "0987 6543 21")
          @Size(max = 40)
          String accountNumber,
      @Schema(
              description = "Why: where the unit found it (kept in the case's timeline)",
              example = "Tài khoản nhận tiền theo sao kê Vietcombank ngày 21/11",
              required = true)
          @NotBlank
          @Size(max = MAX_REASON)
          String reason) {}

  /** Merge another case into this one, or this one into it (the survivor rule decides). */
  @Schema(
      description =
          "Merge two cases of my unit's tree that are one. The survivor is chosen as for a merge by"
              + " tips: the case held by the higher unit, then the older; it takes the other's"
              + " tips, identifiers, bank answers and holds.")
  public record MergeCases(
      @Schema(
              description = "The other case",
              example = "9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f",
              required = true)
          @NotNull
          UUID caseId,
      @Schema(
              description = "Why they are one case (kept in both cases' timelines)",
              example = "Cùng một đối tượng, cùng số điện thoại liên lạc theo lời khai",
              required = true)
          @NotBlank
          @Size(max = MAX_REASON)
          String reason) {}

  /** Split tips out of a case into a new one. */
  @Schema(
      description =
          "Split some of the case's tips out into a new case, routed by the rules like a new case."
              + " The new case takes the named tips and the identifiers only they name; an"
              + " identifier that tips on both sides name stays with this case (it can be held by"
              + " one case only), as do identifiers no tip names (traced accounts, identifiers a"
              + " unit entered), bank answers, freeze requests and holds, evidence files and the"
              + " contact-read log. Disputes of a moved identifier move with it.")
  public record SplitCase(
      @Schema(
              description =
                  "The tips to split out: each in this case, some of its tips but not all (at"
                      + " most 100)",
              example = "[\"3f2b8c1e-7a4d-4e9b-8f6a-2c1d0e9b7a65\"]",
              required = true)
          @NotEmpty
          @Size(max = 100)
          List<@NotNull UUID> tipIds,
      @Schema(
              description = "Why (kept in both cases' timelines)",
              example =
                  "Bị hại ở Gia Lai bị lừa bởi một nhóm khác, chỉ trùng số tài khoản trung gian",
              required = true)
          @NotBlank
          @Size(max = MAX_REASON)
          String reason) {}

  /** The case a split made, as far as the splitting unit is told (it may be another unit's). */
  @Schema(description = "The new case a split made, routed by the rules like a new case")
  public record NewCase(
      UUID id,
      @Schema(example = "VN-5C2E9A17") String reference,
      CaseStage stage,
      @Schema(
              description = "The unit the rules chose (absent when no rule matched)",
              example = "PA05-64")
          String unitCode,
      @Schema(example = "R-64-CYBER") String ruleId,
      @Schema(
              description = "The tips that moved",
              example = "[\"3f2b8c1e-7a4d-4e9b-8f6a-2c1d0e9b7a65\"]")
          List<UUID> tipIds,
      @Schema(
              description = "The identifiers that moved with them",
              example = "[\"PHONE +84869123456\"]")
          List<String> identifiers) {}

  /** What a split did: this case as changed, and the new one. */
  @Schema(description = "A split: the case as changed (ETag: its new version) and the new case")
  public record Split(CaseDetail original, NewCase created) {}
}
