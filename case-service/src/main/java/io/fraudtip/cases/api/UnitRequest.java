package io.fraudtip.cases.api;

import io.fraudtip.cases.routing.UnitLevel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A unit to create or the new state of one (the code is taken from the path on update). */
@Schema(description = "A police unit to create or update")
public record UnitRequest(
    @Schema(example = "CAX-24154") @Pattern(regexp = "[A-Z0-9-]{2,40}") String code,
    @Schema(example = "Công an phường Thành Nhất") @NotBlank @Size(max = 200) String name,
    @NotNull UnitLevel level,
    @Schema(example = "CAT-66") @Size(max = 40) String parentCode,
    @Schema(example = "66") @Pattern(regexp = "\\d{2}") String provinceCode,
    @Schema(example = "24154") @Pattern(regexp = "\\d{5}") String communeCode,
    Boolean active) {}
