package io.fraudtip.cases.api;

import io.fraudtip.cases.core.CaseStage;
import io.fraudtip.contracts.cases.Closure;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the police API's changes. */
public final class CaseRequests {
  private CaseRequests() {}

  /** Move the case to a working stage. */
  @Schema(description = "Move the case to INVESTIGATING or SUSPENDED")
  public record Transition(
      @Schema(example = "INVESTIGATING") @NotNull CaseStage to,
      @Schema(example = "Đã xác minh tài khoản nhận tiền, bắt đầu điều tra") @Size(max = 2000)
          String note) {}

  /** A note on the case. */
  @Schema(description = "A note on the case")
  public record Note(
      @Schema(example = "Đã làm việc với ngân hàng, chờ sao kê") @NotBlank @Size(max = 4000)
          String text) {}

  /** Hand the case to another unit. */
  @Schema(description = "Transfer the case to another unit")
  public record Transfer(
      @Schema(example = "PC02-66") @NotBlank @Size(max = 40) String unitCode,
      @Schema(example = "Đối tượng cư trú tại địa bàn đơn vị nhận") @Size(max = 2000)
          String reason) {}

  /** An account to freeze. */
  public record Account(
      @Schema(example = "970436") @NotBlank @Pattern(regexp = "\\d{6}") String bankBin,
      @Schema(example = "0123456789") @NotBlank @Size(max = 40) String accountNumber,
      @Schema(
              description =
                  "The amount to hold, in dong. Absent: what the case knows reached the account"
                      + " (its tips' transfers, the banks' traces). Required where the case knows"
                      + " of none (an account the unit entered from a statement); never more than"
                      + " what the case knows reached it (SPEC §10: the hold names what reached the"
                      + " account, not the whole balance)",
              example = "45000000",
              minimum = "1",
              maximum = "1000000000000")
          @Positive
          @Max(1_000_000_000_000L)
          Long holdAmountVnd) {

    /** An account to freeze for what the case knows reached it. */
    public Account(String bankBin, String accountNumber) {
      this(bankBin, accountNumber, null);
    }
  }

  /**
   * Ask banks to freeze chosen accounts of the case, and optionally give a standing order to follow
   * the money trail: accounts banks' answers trace later, up to a layer and until a time, are asked
   * to freeze under this request without asking again.
   */
  @Schema(
      description =
          "Request a freeze of accounts of the case. Only a police unit's request makes a bank"
              + " receive freeze.requested (never a bank's answer on its own); each hold is bounded"
              + " by what reached the account and by an expiry. With followTrail, a standing order:"
              + " accounts traced later by banks' answers, up to maxLayer and until the given time,"
              + " are asked to freeze under this request (the webhook names it).")
  public record Freeze(
      @NotEmpty @Size(max = 100) List<@Valid @NotNull Account> accounts,
      @Schema(example = "Tiền của bị hại chuyển vào tài khoản này ngày 25/11") @Size(max = 2000)
          String note,
      @Schema(
              description =
                  "A standing order: accounts that banks' answers trace on from the case, up to"
                      + " maxLayer and until the time given, are asked to freeze automatically."
                      + " Absent or false: traced accounts get only an account.traced advisory"
                      + " until the unit names them in a freeze request.",
              example = "true")
          Boolean followTrail,
      @Schema(
              description =
                  "With followTrail: the deepest layer the standing order reaches (2 up to"
                      + " fraudtip.freezes.standing-order-max-layer, 5 by default; layer 1 is the"
                      + " account a victim paid). Required with followTrail, refused without it.",
              example = "2")
          Integer maxLayer,
      @Schema(
              description =
                  "With followTrail: when the standing order ends; in the future and at most"
                      + " fraudtip.freezes.standing-order-max (30 days) ahead. Absent:"
                      + " fraudtip.freezes.standing-order-default (7 days). Refused without"
                      + " followTrail.",
              example = "2026-11-27T03:05:00Z")
          Instant until) {

    /** A freeze request of accounts without a standing order. */
    public Freeze(List<Account> accounts, String note) {
      this(accounts, note, null, null, null);
    }
  }

  /** Why the legal clock changes: the case is complex, or it needs its one extension. */
  @Schema(description = "Why the case is complex, or why its legal deadline needs extending")
  public record LegalClockChange(
      @Schema(
              example =
                  "Nhiều bị hại ở hai tỉnh, cần xác minh tại nhiều ngân hàng (BLTTHS 2015, điều 147)")
          @NotBlank
          @Size(max = 2000)
          String reason) {}

  /** Reopen a case closed as confirmed. */
  @Schema(description = "Reopen a case closed as CONFIRMED (one closed as UNFOUNDED stays closed)")
  public record Reopen(
      @Schema(example = "Nạn nhân mới cung cấp sao kê chuyển tiền") @NotBlank @Size(max = 2000)
          String reason) {}

  /** Close the case. */
  @Schema(description = "Close the case as confirmed or unfounded")
  public record Close(
      @NotNull Closure closure,
      @Schema(example = "Đã khởi tố vụ án, chuyển hồ sơ cơ quan điều tra") @Size(max = 2000)
          String note) {}
}
