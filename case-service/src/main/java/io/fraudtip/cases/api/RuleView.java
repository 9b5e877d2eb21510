package io.fraudtip.cases.api;

import io.fraudtip.contracts.tips.ScamType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A routing rule. */
@Schema(description = "A routing rule: conditions (null matches anything) and a target unit")
public record RuleView(
    @Schema(example = "R-LARGE-LOSS") String id,
    @Schema(example = "50") int position,
    String description,
    List<ScamType> scamTypes,
    @Schema(example = "100000000") Long minTotalLossVnd,
    Long maxTotalLossVnd,
    Integer minVictims,
    Integer minProvinces,
    Boolean foreignIdentifier,
    Boolean cryptoWallet,
    String provinceCode,
    String communeCode,
    @Schema(
            example = "PA05-{province}",
            description = "A unit code or a template with {province} or {commune}")
        String targetUnit,
    boolean active) {}
