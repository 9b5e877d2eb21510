package io.fraudtip.cases.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of a unit's changes to a hold (SPEC §10, "Holds are bounded"). */
public final class HoldRequests {
  /** The longest reason kept: it goes to the bank in the webhook. */
  public static final int MAX_REASON = 500;

  private HoldRequests() {}

  /** Extend a running hold. */
  @Schema(
      description =
          "Extend a running hold to a later expiry, with the reason; the holding bank gets"
              + " hold.extended with both")
  public record Extend(
      @Schema(
              description =
                  "Why the money must stay held (sent to the holding bank; no personal data)",
              example = "Chờ quyết định phong tỏa của Tòa án nhân dân tỉnh Đắk Lắk")
          @NotBlank
          @Size(max = MAX_REASON)
          String reason,
      @Schema(
              description =
                  "The new expiry: after the current one and at most"
                      + " fraudtip.freezes.max-extension (90 days by default) from now",
              example = "2027-04-18T03:05:00Z")
          @NotNull
          Instant expiresAt) {}

  /** Lift a running hold. */
  @Schema(
      description =
          "Lift a running hold before its expiry, with the reason; the holding bank gets"
              + " hold.lifted")
  public record Lift(
      @Schema(
              description = "Why the hold ends (sent to the holding bank; no personal data)",
              example = "Chủ tài khoản đã chứng minh nguồn tiền hợp pháp")
          @NotBlank
          @Size(max = MAX_REASON)
          String reason) {}
}
