package io.fraudtip.cases.api;

import io.fraudtip.contracts.tips.ScamType;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The routing rules' API: what an operator sends and what is shown, side by side, so that a new
 * condition is one field in each, in this one file (and its column and test in {@code
 * routing/RuleConditions}).
 */
public final class Rules {
  private Rules() {}

  private static final String MIN_VICTIMS =
      "Independent victims (sources), not tips: the case's independentSources. Tips from one"
          + " reporter, or from one client or address within fraudtip.trust.same-source-window"
          + " (24 hours), count once (SPEC §10)";

  /** A routing rule to create or the new state of one (the id is taken from the path on update). */
  @Schema(name = "RuleRequest", description = "A routing rule to create or update")
  public record Request(
      @Schema(example = "R-ROMANCE") @Pattern(regexp = "[A-Z0-9-]{2,40}") String id,
      @Schema(example = "25") @NotNull @Min(0) Integer position,
      @Schema(example = "Romance scams: the ministry's criminal police") @NotBlank @Size(max = 300)
          String description,
      @Size(max = 20) List<@NotNull ScamType> scamTypes,
      @Schema(example = "100000000") @PositiveOrZero Long minTotalLossVnd,
      @Schema(example = "5000000000") @PositiveOrZero Long maxTotalLossVnd,
      @Schema(example = "3", description = MIN_VICTIMS) @Min(1) Integer minVictims,
      @Schema(example = "2") @Min(1) Integer minProvinces,
      Boolean foreignIdentifier,
      Boolean cryptoWallet,
      @Schema(example = "01") @Pattern(regexp = "\\d{2}") String provinceCode,
      @Schema(example = "00004") @Pattern(regexp = "\\d{5}") String communeCode,
      @Schema(example = "C02") @NotBlank @Size(max = 60) String targetUnit,
      Boolean active) {}

  /** A routing rule. */
  @Schema(
      name = "RuleView",
      description = "A routing rule: conditions (null matches anything) and a target unit")
  public record View(
      @Schema(example = "R-LARGE-LOSS") String id,
      @Schema(example = "50") int position,
      @Schema(example = "Large losses: the province's cybercrime unit") String description,
      List<ScamType> scamTypes,
      @Schema(example = "100000000") Long minTotalLossVnd,
      @Schema(example = "5000000000") Long maxTotalLossVnd,
      @Schema(example = "3", description = MIN_VICTIMS) Integer minVictims,
      @Schema(example = "2") Integer minProvinces,
      Boolean foreignIdentifier,
      Boolean cryptoWallet,
      @Schema(example = "01") String provinceCode,
      @Schema(example = "00004") String communeCode,
      @Schema(
              example = "PA05-{province}",
              description = "A unit code or a template with {province} or {commune}")
          String targetUnit,
      boolean active) {}
}
