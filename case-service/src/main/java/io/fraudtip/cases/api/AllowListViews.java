package io.fraudtip.cases.api;

import io.fraudtip.contracts.tips.IdentifierType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of the allow-list of identifiers that never link cases. */
public final class AllowListViews {
  private AllowListViews() {}

  /** An identifier to put on the allow-list. */
  @Schema(
      description =
          "An official number or a bank's own domain that victims name because scammers"
              + " impersonate it")
  public record Request(
      @Schema(example = "PHONE") @NotNull IdentifierType type,
      @Schema(
              example = "1900 545 413",
              description =
                  "As people write it; stored in canonical form (E.164 phone, lower-case domain,"
                      + " BIN:account)")
          @NotBlank
          @Size(max = 400)
          String value,
      @Schema(example = "Tổng đài chăm sóc khách hàng Vietcombank") @NotBlank @Size(max = 200)
          String reason) {}

  /** One allow-listed identifier. */
  @Schema(description = "An allow-listed identifier: it never links cases and is never listed")
  public record Entry(
      @Schema(example = "PHONE") IdentifierType type,
      @Schema(example = "+841900545413") String value,
      @Schema(example = "Tổng đài chăm sóc khách hàng Vietcombank") String reason,
      @Schema(example = "ops-nguyen", description = "Null for the seeded entries") String addedBy,
      @Schema(description = "Null for the seeded entries") Instant addedAt) {}

  /** What adding an identifier did. */
  @Schema(description = "The new entry, and how many case identifiers it took off the watchlist")
  public record Added(
      Entry entry,
      @Schema(
              example = "1",
              description =
                  "Identifiers of cases it covered, now delisted (their alerts are retracted)")
          int delistedIdentifiers) {}
}
