package io.fraudtip.notification.api;

import io.fraudtip.contracts.alerts.AlertOutcome;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A bank's answer to an alert, as posted. */
@Schema(description = "What the bank did about an alert")
public record AlertAnswer(
    @NotNull @Schema(example = "FROZEN") AlertOutcome outcome,
    @PositiveOrZero
        @Max(MAX_VND)
        @Schema(description = "Amount held, in dong (FROZEN, PARTLY_FROZEN)", example = "30000000")
        long frozenAmountVnd,
    @PositiveOrZero
        @Max(MAX_VND)
        @Schema(
            description =
                "Amount returned to victims, in dong: reported later with outcome RESTORED; held"
                    + " and restored are counted apart")
        long restoredAmountVnd,
    @Size(max = 50) @Schema(description = "For MOVED_ON: where the money went")
        List<@Valid @NotNull OnwardTransfer> onwardTransfers,
    @Size(max = 1000) @Schema(example = "Đã phong tỏa 30.000.000 đồng") String note) {
  /** Largest amount accepted, ten trillion dong. */
  public static final long MAX_VND = 10_000_000_000_000L;

  /** Money that left the alerted account. */
  public record OnwardTransfer(
      @NotBlank @Schema(example = "970422") String bankBin,
      @NotBlank @Size(max = 40) @Schema(example = "0987654321") String accountNumber,
      @PositiveOrZero @Max(MAX_VND) long amountVnd,
      @NotNull Instant at) {}
}
