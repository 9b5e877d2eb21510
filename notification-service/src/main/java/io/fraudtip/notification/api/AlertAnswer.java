package io.fraudtip.notification.api;

import io.fraudtip.contracts.alerts.AlertOutcome;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
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
        @Schema(
            description =
                "Amount held now, in dong (FROZEN, PARTLY_FROZEN); replaces what the bank's"
                    + " previous answer held. At most what the alert says reached the account (the"
                    + " sum of the tip's transfers to it); an alert raised from a case event gives"
                    + " no amount, and then this bound does not apply",
            example = "30000000")
        long frozenAmountVnd,
    @PositiveOrZero
        @Max(MAX_VND)
        @Schema(
            description =
                "Amount returned to victims so far, in dong: reported later with outcome RESTORED,"
                    + " which replaces the previous RESTORED answer, not the held amount (held and"
                    + " restored are counted apart). At most what the bank's current answer on the"
                    + " money holds",
            example = "10000000")
        long restoredAmountVnd,
    @Size(max = 50)
        @Schema(
            description =
                "For MOVED_ON (required) and PARTLY_FROZEN (optional): where the money went. Their"
                    + " amounts add up to at most what moved (reached less held, when the alert"
                    + " gives the amount); the accounts join the case as the next layer")
        List<@Valid @NotNull OnwardTransfer> onwardTransfers,
    @Size(max = 1000) @Schema(example = "Đã phong tỏa 30.000.000 đồng") String note) {
  /** Largest amount accepted, ten trillion dong. */
  public static final long MAX_VND = 10_000_000_000_000L;

  /** Money that left the alerted account. */
  public record OnwardTransfer(
      @NotBlank
          @Schema(
              description = "NAPAS BIN of the receiving bank, in the directory",
              example = "970422")
          String bankBin,
      @NotBlank
          @Size(max = 40)
          @Schema(
              description =
                  "The receiving account; spaces, dots and dashes are dropped and letters upper"
                      + " case, as for tips; then 4 to 30 digits and letters",
              example = "0987 654 321")
          String accountNumber,
      // Money that moved on: an onward account named with nothing sent to it is no trail.
      @Positive @Max(MAX_VND) @Schema(example = "12000000") long amountVnd,
      @NotNull
          @Schema(
              description =
                  "When it moved: not before the earliest transfer into the alerted account (when"
                      + " the alert gives it) and not in the future (a small clock skew allowed)",
              example = "2026-11-23T01:00:00Z")
          Instant at) {}
}
