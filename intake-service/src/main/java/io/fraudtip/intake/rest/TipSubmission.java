package io.fraudtip.intake.rest;

import io.fraudtip.contracts.tips.Channel;
import io.fraudtip.contracts.tips.ScamType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A citizen's report of online fraud, as submitted. */
@Schema(description = "A citizen's report of online fraud")
public record TipSubmission(
    @NotNull @Schema(description = "How the tip reached us", example = "MOBILE_APP")
        Channel channel,
    @Valid @Schema(description = "Who reports; leave out for an anonymous tip") Reporter reporter,
    @NotNull @Valid @Schema(description = "Where the victim lives") Location location,
    @NotNull @Schema(description = "When the fraud happened", example = "2026-11-20T09:30:00+07:00")
        Instant occurredAt,
    @NotNull @Schema(description = "The kind of fraud", example = "IMPERSONATION_AUTHORITY")
        ScamType scamType,
    @NotBlank
        @Size(max = 5000)
        @Schema(
            description = "What happened, in the victim's words",
            example =
                "Một người tự xưng là công an gọi điện, yêu cầu tôi chuyển tiền vào tài khoản để"
                    + " \"xác minh\".")
        String description,
    @PositiveOrZero @Schema(description = "Total amount lost, in dong", example = "45000000")
        long amountLostVnd,
    @Size(max = 20) @Schema(description = "Transfers the victim made")
        List<@Valid @NotNull Transfer> transfers,
    @Valid @Schema(description = "What identifies the scammer") Scammer scammer) {

  /** The reporter, when not anonymous. Personal data: encrypted at rest, never logged. */
  public record Reporter(
      @Size(max = 100) @Schema(example = "Nguyễn Văn An") String name,
      @Size(max = 20) @Schema(example = "0912345678") String phone,
      @Size(max = 254) @Schema(example = "an.nguyen@example.vn") String email,
      @Size(max = 12) @Schema(example = "066090001234") String nationalId) {}

  /** The victim's location by statistics-office codes. */
  public record Location(
      @NotBlank
          @Schema(description = "Province code (34 provinces since July 2025)", example = "66")
          String provinceCode,
      @Schema(description = "Commune code, must be in the province", example = "24121")
          String communeCode) {}

  /** One transfer the victim made. */
  public record Transfer(
      @NotBlank @Schema(description = "Bank: NAPAS BIN, code or name", example = "970436")
          String bank,
      @NotBlank @Size(max = 40) @Schema(example = "0011 0023 4567") String accountNumber,
      @Size(max = 100) @Schema(example = "NGUYEN VAN B") String accountName,
      @PositiveOrZero @Schema(example = "45000000") long amountVnd,
      @NotNull @Schema(example = "2026-11-20T10:05:00+07:00") Instant at) {}

  /** What identifies the scammer. */
  public record Scammer(
      @Size(max = 20) @Schema(example = "[\"0869 123 456\"]") List<@NotBlank String> phones,
      @Size(max = 20) List<@Valid @NotNull BankAccount> bankAccounts,
      @Size(max = 20) @Schema(example = "[\"https://bocongan-xacminh.com/login\"]")
          List<@NotBlank String> urls,
      @Size(max = 20) List<@Valid @NotNull SocialAccount> socialAccounts,
      @Size(max = 20) List<@NotBlank String> cryptoWallets,
      @Size(max = 20) List<@NotBlank String> appPackages) {}

  /** A bank account the scammer used. */
  public record BankAccount(
      @NotBlank @Schema(example = "VCB") String bank,
      @NotBlank @Size(max = 40) @Schema(example = "1023456789") String accountNumber,
      @Size(max = 100) String accountName) {}

  /** An account on a social network or messenger. */
  public record SocialAccount(
      @NotBlank @Size(max = 30) @Schema(example = "ZALO") String platform,
      @NotBlank @Size(max = 200) @Schema(example = "0869123456") String handle) {}
}
