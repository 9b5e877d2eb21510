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
              description = "Số điện thoại, BIN:số tài khoản, URL, tên miền…")
          @NotBlank
          @Size(max = 400)
          String value) {}

  /** A batch of identifiers, for banks screening transfers. */
  @Schema(description = "Up to 1,000 identifiers")
  public record Batch(@NotNull @Size(min = 1, max = 1000) List<@Valid @NotNull Item> items) {}

  /** The answer for one identifier. Case references only for banks and police. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(description = "Kết quả kiểm tra một định danh")
  public record Result(
      IdentifierType type,
      @Schema(example = "970436:0123456789") String value,
      @Schema(description = "Có bị phản ánh liên quan lừa đảo hay không") boolean listed,
      @Schema(example = "3") int reportCount,
      Instant firstReportedAt,
      RiskLevel riskLevel,
      @Schema(example = "VN-1A2B3C4D", description = "Banks and police only") String caseReference,
      @Schema(description = "Banks and police only") CaseStatus caseStatus) {}

  /** The answers of a batch, in the order asked. */
  public record BatchResult(List<Result> results) {}
}
