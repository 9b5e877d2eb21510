package io.fraudtip.intake.api;

import io.fraudtip.contracts.tips.Channel;
import io.fraudtip.contracts.tips.ScamType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A citizen's report of online fraud, as submitted. Sizes are bounded; the service normalises
 * phones, banks, accounts, URLs and places and lists every bad field in one answer.
 */
@Schema(
    name = "TipSubmission",
    description =
        "A citizen's report (tố giác) of online fraud. Unknown fields are refused; every bad field"
            + " is listed in one 400 answer.")
public record TipSubmission(
    @NotNull
        @Schema(
            description = "How the tip reached us",
            example = "MOBILE_APP",
            required = true,
            enumeration = {"MOBILE_APP", "WEB", "HOTLINE", "CHATBOT", "OTHER"})
        Channel channel,
    @Valid
        @Schema(
            description =
                "Who reports; leave out for an anonymous tip. Personal data: encrypted at rest,"
                    + " never published nor logged.")
        Reporter reporter,
    @NotNull @Valid @Schema(description = "Where the victim lives", required = true)
        Location location,
    @NotNull
        @Schema(
            description =
                "When the fraud happened (ISO-8601 with offset); not in the future, not older than"
                    + " the configured maximum age (10 years by default)",
            example = "2026-11-20T09:30:00+07:00",
            required = true)
        Instant occurredAt,
    @NotNull
        @Schema(
            description = ScamType.DESCRIPTION,
            example = "IMPERSONATION_AUTHORITY",
            required = true)
        ScamType scamType,
    @NotBlank
        @Size(max = TipSubmission.MAX_TEXT)
        @Schema(
            description = "What happened, in the victim's words (at most 5,000 characters)",
            maxLength = TipSubmission.MAX_TEXT,
            required = true,
            example =
                "Một người tự xưng là công an gọi điện, yêu cầu tôi chuyển tiền vào tài khoản để"
                    + " \"xác minh\".")
        String description,
    @PositiveOrZero
        @Max(TipSubmission.MAX_AMOUNT_VND)
        @Schema(
            description = "Total amount lost, in dong (0 when nothing was lost)",
            example = "45000000",
            minimum = "0",
            maximum = "1000000000000")
        long amountLostVnd,
    @Size(max = TipSubmission.MAX_ITEMS)
        @Schema(description = "Transfers the victim made (at most 20)", maxItems = 20)
        List<@Valid @NotNull Transfer> transfers,
    @Valid @Schema(description = "What identifies the scammer") Scammer scammer) {

  /** Longest free text. */
  public static final int MAX_TEXT = 5000;

  /** Most items in any list. */
  public static final int MAX_ITEMS = 20;

  /** Largest amount in dong (one trillion): anything above is a typing error. */
  public static final long MAX_AMOUNT_VND = 1_000_000_000_000L;

  /** The reporter, when not anonymous. Personal data: encrypted at rest, never logged. */
  @Schema(
      name = "Reporter",
      description = "The reporter's contact details; a phone number or an e-mail is required")
  public record Reporter(
      @Size(max = 100)
          @Schema(description = "Full name", example = "Nguyễn Văn An", maxLength = 100)
          String name,
      @Size(max = 30)
          @Schema(
              description = "Phone number, Vietnamese by default; stored in E.164",
              example = "0912345678")
          String phone,
      @Email @Size(max = 254) @Schema(description = "E-mail", example = "an.nguyen@example.vn")
          String email,
      @Pattern(regexp = "\\d{9}|\\d{12}", message = "{nationalId.invalid}")
          @Schema(
              description = "Citizen identity card number (12 digits) or old ID card (9 digits)",
              example = "066090001234")
          String nationalId) {
    @Override
    public String toString() {
      return "Reporter[personal data withheld]";
    }
  }

  /** The victim's location by statistics-office codes. */
  @Schema(name = "Location", description = "Victim's location by statistics-office codes")
  public record Location(
      @NotBlank
          @Schema(
              description = "Province code, one of the 34 provinces in force since 1 July 2025",
              example = "66",
              required = true)
          String provinceCode,
      @Schema(
              description = "Commune code (5 digits); must belong to the province",
              example = "24133")
          String communeCode) {}

  /** One transfer the victim made. */
  @Schema(name = "Transfer", description = "A transfer the victim made")
  public record Transfer(
      @NotBlank
          @Size(max = 60)
          @Schema(
              description =
                  "Destination bank: NAPAS BIN, code, name, former name or short name (VCB, CTG); stored as the BIN",
              example = "970436",
              required = true)
          String bank,
      @NotBlank
          @Size(max = 40)
          @Schema(
              description = "Destination account; spaces, dots and dashes are removed",
              example = "0011 0023 4567",
              required = true)
          String accountNumber,
      @Size(max = 100)
          @Schema(description = "Account holder's name as shown", example = "NGUYEN VAN B")
          String accountName,
      // Required: a transfer without its amount would read as 0 dong sent, and still count as the
      // transfer details that make a tip stronger (SPEC §10).
      @NotNull
          @Positive
          @Max(TipSubmission.MAX_AMOUNT_VND)
          @Schema(
              description = "Amount in dong, more than 0",
              example = "45000000",
              required = true,
              minimum = "1",
              maximum = "1000000000000")
          Long amountVnd,
      @NotNull
          @Schema(
              description = "When the transfer was made; not in the future",
              example = "2026-11-20T10:05:00+07:00",
              required = true)
          Instant at) {}

  /** What identifies the scammer. */
  @Schema(name = "Scammer", description = "What identifies the scammer (each list at most 20)")
  public record Scammer(
      @Size(max = TipSubmission.MAX_ITEMS)
          @Schema(
              description =
                  "Phone numbers; Vietnamese by default, old 11-digit mobiles converted, foreign"
                      + " numbers kept and flagged",
              example = "[\"0869 123 456\", \"+855 12 345 678\"]")
          List<@NotBlank @Size(max = 30) String> phones,
      @Size(max = TipSubmission.MAX_ITEMS) @Schema(description = "Bank accounts")
          List<@Valid @NotNull BankAccount> bankAccounts,
      @Size(max = TipSubmission.MAX_ITEMS)
          @Schema(
              description =
                  "URLs or domains; normalised, with the registrable domain kept beside them",
              example = "[\"https://BoCongAn-XacMinh.com/login#otp\", \"dichvucong-gov.top\"]")
          List<@NotBlank @Size(max = 2000) String> urls,
      @Size(max = TipSubmission.MAX_ITEMS) @Schema(description = "Social-network accounts")
          List<@Valid @NotNull SocialAccount> socialAccounts,
      @Size(max = TipSubmission.MAX_ITEMS)
          @Schema(
              description =
                  "Crypto wallet addresses. An Ethereum-style (0x…) or bech32 (bc1…) address is"
                      + " stored in lower case (its case is only a checksum); any other as typed",
              example = "[\"TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE\"]")
          List<
                  @NotBlank
                  @Pattern(regexp = "[A-Za-z0-9:_\\-]{20,120}", message = "{wallet.invalid}")
                  String>
              cryptoWallets,
      @Size(max = TipSubmission.MAX_ITEMS)
          @Schema(
              description = "App package names (Android) or bundle ids",
              example = "[\"com.dichvucong.gov\"]")
          List<
                  @NotBlank
                  @Pattern(
                      regexp = "[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)+",
                      message = "{package.invalid}")
                  @Size(max = 150) String>
              appPackages) {}

  /** A bank account the scammer used. */
  @Schema(name = "BankAccount", description = "A bank account the scammer used")
  public record BankAccount(
      @NotBlank
          @Size(max = 60)
          @Schema(
              description =
                  "Bank: NAPAS BIN, code, name, former name or short name (VCB, CTG); stored as the BIN",
              example = "VIETCOMBANK",
              required = true)
          String bank,
      @NotBlank
          @Size(max = 40)
          @Schema(description = "Account number", example = "1023456789", required = true)
          String accountNumber,
      @Size(max = 100) @Schema(description = "Holder's name as shown", example = "TRAN VAN C")
          String accountName) {}

  /** An account on a social network or messenger. */
  @Schema(name = "SocialAccount", description = "An account on a social network or messenger")
  public record SocialAccount(
      @NotNull @Schema(description = "The network", example = "ZALO", required = true)
          SocialPlatform platform,
      @NotBlank
          @Size(max = 200)
          @Schema(
              description =
                  "Handle, profile URL or the phone number the account is on. Stored in one form so"
                      + " that two victims typing it two ways name one account: a Zalo, Viber or"
                      + " WhatsApp number (and a Telegram one) in E.164, a username without @ and in"
                      + " lower case (Facebook's without dots), the name out of a profile link; an"
                      + " OTHER network's handle as typed",
              example = "0869123456",
              required = true)
          String handle) {}
}
