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

/** A routing rule to create or the new state of one (the id is taken from the path on update). */
@Schema(description = "A routing rule to create or update")
public record RuleRequest(
    @Schema(example = "R-ROMANCE") @Pattern(regexp = "[A-Z0-9-]{2,40}") String id,
    @Schema(example = "25") @NotNull @Min(0) Integer position,
    @Schema(example = "Romance scams: the ministry's criminal police") @NotBlank @Size(max = 300)
        String description,
    @Size(max = 20) List<ScamType> scamTypes,
    @PositiveOrZero Long minTotalLossVnd,
    @PositiveOrZero Long maxTotalLossVnd,
    @Min(1) Integer minVictims,
    @Min(1) Integer minProvinces,
    Boolean foreignIdentifier,
    Boolean cryptoWallet,
    @Pattern(regexp = "\\d{2}") String provinceCode,
    @Pattern(regexp = "\\d{5}") String communeCode,
    @Schema(example = "C02") @NotBlank @Size(max = 60) String targetUnit,
    Boolean active) {}
