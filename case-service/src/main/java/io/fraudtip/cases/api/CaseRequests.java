package io.fraudtip.cases.api;

import io.fraudtip.cases.core.CaseStage;
import io.fraudtip.contracts.cases.Closure;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the police API's changes. */
public final class CaseRequests {
  private CaseRequests() {}

  /** Move the case to a working stage. */
  @Schema(description = "Move the case to INVESTIGATING or SUSPENDED")
  public record Transition(
      @Schema(example = "INVESTIGATING") @NotNull CaseStage to, @Size(max = 2000) String note) {}

  /** A note on the case. */
  @Schema(description = "A note on the case")
  public record Note(
      @Schema(example = "Đã làm việc với ngân hàng, chờ sao kê") @NotBlank @Size(max = 4000)
          String text) {}

  /** Hand the case to another unit. */
  @Schema(description = "Transfer the case to another unit")
  public record Transfer(
      @Schema(example = "PC02-66") @NotBlank @Size(max = 40) String unitCode,
      @Size(max = 2000) String reason) {}

  /** An account to freeze. */
  public record Account(
      @Schema(example = "970436") @NotBlank @Pattern(regexp = "\\d{6}") String bankBin,
      @Schema(example = "0123456789") @NotBlank @Size(max = 40) String accountNumber) {}

  /** Ask banks to freeze chosen accounts of the case. */
  @Schema(description = "Request a freeze of accounts of the case")
  public record Freeze(
      @NotEmpty @Size(max = 100) List<@Valid @NotNull Account> accounts,
      @Size(max = 2000) String note) {}

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
  public record Close(@NotNull Closure closure, @Size(max = 2000) String note) {}
}
