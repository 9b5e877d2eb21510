package io.fraudtip.cases.api;

import io.fraudtip.cases.routing.UnitLevel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A police unit. */
@Schema(description = "A police unit, a node of the unit tree")
public record UnitView(
    @Schema(example = "PA05-66") String code,
    @Schema(example = "Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao")
        String name,
    UnitLevel level,
    @Schema(example = "CAT-66") String parentCode,
    @Schema(example = "/BCA/CAT-66/PA05-66/") String path,
    @Schema(example = "66") String provinceCode,
    @Schema(example = "24133") String communeCode,
    boolean active) {}
