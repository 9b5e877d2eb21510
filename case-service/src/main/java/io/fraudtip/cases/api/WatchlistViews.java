package io.fraudtip.cases.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fraudtip.contracts.cases.CaseStatus;
import io.fraudtip.contracts.tips.IdentifierType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of the watchlist check. */
public final class WatchlistViews {
  private WatchlistViews() {}

  /** A victim's link to another page of a listed site: listed through its registrable domain. */
  public static final String EXAMPLE_URL_BY_DOMAIN =
      "{\"type\":\"URL\",\"value\":\"https://bocongan-xacminh.com/tra-cuu\","
          + "\"listed\":true,\"reportCount\":3,\"firstReportedAt\":\"2026-11-02T08:15:00Z\","
          + "\"riskLevel\":\"MEDIUM\",\"caseReference\":\"VN-1A2B3C4D\","
          + "\"caseStatus\":\"IN_PROGRESS\",\"independentSources\":2,"
          + "\"matchedOn\":{\"type\":\"DOMAIN\",\"value\":\"bocongan-xacminh.com\"}}";

  /** An identifier nobody reported. */
  public static final String EXAMPLE_NOT_LISTED =
      "{\"type\":\"PHONE\",\"value\":\"+84912345678\",\"listed\":false,"
          + "\"reportCount\":0,\"riskLevel\":\"NONE\"}";

  /** A bank's batch: an account by bank code, a URL as the victim received it, an old number. */
  public static final String EXAMPLE_BATCH =
      "{\"items\":[{\"type\":\"BANK_ACCOUNT\",\"value\":\"VCB:0123 456 789\"},"
          + "{\"type\":\"URL\",\"value\":\"HTTPS://WWW.BoCongAn-XacMinh.com/Login?id=7\"},"
          + "{\"type\":\"PHONE\",\"value\":\"01688 123 456\"}]}";

  /** The answers of {@link #EXAMPLE_BATCH}, in order. */
  public static final String EXAMPLE_BATCH_RESULT =
      "{\"results\":[{\"type\":\"BANK_ACCOUNT\",\"value\":\"970436:0123456789\","
          + "\"listed\":false,\"reportCount\":0,\"riskLevel\":\"NONE\"},"
          + "{\"type\":\"URL\",\"value\":\"https://www.bocongan-xacminh.com/Login?id=7\","
          + "\"listed\":true,\"reportCount\":3,\"riskLevel\":\"MEDIUM\","
          + "\"caseReference\":\"VN-1A2B3C4D\",\"caseStatus\":\"IN_PROGRESS\","
          + "\"independentSources\":2,"
          + "\"matchedOn\":{\"type\":\"DOMAIN\",\"value\":\"bocongan-xacminh.com\"}},"
          + "{\"type\":\"PHONE\",\"value\":\"+84388123456\",\"listed\":true,"
          + "\"reportCount\":1,\"riskLevel\":\"LOW\",\"caseReference\":\"VN-5E6F7A8B\","
          + "\"caseStatus\":\"ASSIGNED\",\"independentSources\":1,"
          + "\"matchedOn\":{\"type\":\"PHONE\",\"value\":\"+84388123456\"}}]}";

  /** How dangerous paying or answering this identifier looks. */
  public enum RiskLevel {
    NONE,
    LOW,
    MEDIUM,
    HIGH
  }

  /** One identifier to check. */
  @Schema(description = "Một định danh cần kiểm tra (số tài khoản, số điện thoại, trang web…)")
  public record Item(
      @Schema(example = "BANK_ACCOUNT") @NotNull IdentifierType type,
      @Schema(
              example = "970436:0123456789",
              description =
                  "Số điện thoại, BIN:số tài khoản, URL, tên miền… as people type them: a phone"
                      + " in any form (an old 11-digit mobile too), the bank by BIN, code or name"
                      + " (VCB:0123 456 789), a URL in any case, scheme or path; a URL is also"
                      + " checked by its registrable domain (see matchedOn)")
          @NotBlank
          @Size(max = 400)
          String value) {}

  /** A batch of identifiers, for banks screening transfers. */
  @Schema(
      description =
          "Up to 1,000 identifiers, in a body of at most 128 KiB (fraudtip.http.max-body-bytes;"
              + " more is 413): a thousand accounts or phone numbers fit many times over, a"
              + " thousand long URLs may need two batches")
  public record Batch(@NotNull @Size(min = 1, max = 1000) List<@Valid @NotNull Item> items) {}

  /** The answer for one identifier. Case references only for banks and police. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(description = "Kết quả kiểm tra một định danh")
  public record Result(
      IdentifierType type,
      @Schema(example = "970436:0123456789") String value,
      @Schema(description = "Có bị phản ánh liên quan lừa đảo hay không") boolean listed,
      @Schema(
              example = "3",
              description =
                  "Tips naming it that still count (not rejected, under 5 years old); tips from"
                      + " one source are all counted here, see independentSources")
          int reportCount,
      Instant firstReportedAt,
      @Schema(
              description =
                  "LOW: one source; MEDIUM: two independent sources, a verified reporter with"
                      + " transfers, or traced by a bank; HIGH: three independent sources with"
                      + " transfers, or confirmed by police or by the holding bank (SPEC §10)")
          RiskLevel riskLevel,
      @Schema(example = "VN-1A2B3C4D", description = "Banks and police only") String caseReference,
      @Schema(description = "Banks and police only") CaseStatus caseStatus,
      @Schema(
              example = "2",
              description =
                  "Distinct independent sources among the reports that count: tips of one"
                      + " reporter, or from one address or client within 24 hours, count once."
                      + " Absent when nothing is known of the identifier")
          Integer independentSources,
      @Schema(description = "Reported, confirmed and rejected counts per window") Counts counts,
      @Schema(description = "Why it has this level, each with who and when") List<Reason> reasons,
      @Schema(
              description =
                  "The form that is listed, when the identifier is: the value itself, or for a URL"
                      + " or a sub-domain possibly its registrable domain (then level, counts and"
                      + " case are the domain's)")
          Match matchedOn) {
    /** The same answer without case references or banks' names (what citizens see). */
    public Result withoutCases() {
      return new Result(
          type,
          value,
          listed,
          reportCount,
          firstReportedAt,
          riskLevel,
          null,
          null,
          independentSources,
          counts,
          reasons == null ? null : reasons.stream().map(Reason::withoutCase).toList(),
          matchedOn);
    }

    /**
     * This answer for the identifier asked (a URL) when another form of it (its domain) matched.
     */
    public Result as(IdentifierType askedType, String askedValue, Match matched) {
      return new Result(
          askedType,
          askedValue,
          listed,
          reportCount,
          firstReportedAt,
          riskLevel,
          caseReference,
          caseStatus,
          independentSources,
          counts,
          reasons,
          matched);
    }
  }

  /** The listed form an answer is about. */
  @Schema(
      description = "The listed form of the identifier asked",
      example = "{\"type\": \"DOMAIN\", \"value\": \"bocongan-xacminh.com\"}")
  public record Match(
      @Schema(example = "DOMAIN") IdentifierType type,
      @Schema(example = "bocongan-xacminh.com") String value) {}

  /** The counts of an identifier over the SPEC's three windows. */
  @Schema(
      description =
          "Counts over 90 days, 12 months and 5 years: reports that stand, confirmations (police"
              + " or the holding bank) and reports rejected by police (case closed unfounded,"
              + " dispute upheld)")
  public record Counts(Window days90, Window months12, Window years5) {}

  /** The counts of one window. */
  public record Window(
      @Schema(example = "2", description = "Reports that stand (after the last rejection)")
          int reported,
      @Schema(example = "1", description = "Police and bank confirmations") int confirmed,
      @Schema(example = "0", description = "Reports a later rejection voided") int rejected) {}

  /** One reason for the level. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(description = "Một lý do của mức rủi ro")
  public record Reason(
      @Schema(
              example = "REPORTS",
              description =
                  "REPORTS, VERIFIED_REPORT, POLICE_CONFIRMED, BANK_CONFIRMED, TRACED, REJECTED,"
                      + " UNDER_REVIEW, DISPUTE_UPHELD, EXPIRED")
          String kind,
      @Schema(example = "2 independent reports with transfers") String text,
      @Schema(example = "PA05-66", description = "The unit or bank (BIN) behind it") String by,
      Instant at,
      @Schema(example = "VN-1A2B3C4D", description = "Banks and police only")
          String caseReference) {
    /**
     * The reason as citizens see it (SPEC §10: the level and the reasons' kinds): no case, and no
     * bank's name or what it did, which would tell the holder of a mule account which bank froze or
     * traced the money.
     */
    Reason withoutCase() {
      return switch (kind) {
        case "BANK_CONFIRMED" -> new Reason(kind, "confirmed by a bank", null, at, null);
        case "TRACED" -> new Reason(kind, "traced by a bank", null, at, null);
        default -> new Reason(kind, text, by, at, null);
      };
    }
  }

  /** The answers of a batch, in the order asked. */
  public record BatchResult(List<Result> results) {}
}
