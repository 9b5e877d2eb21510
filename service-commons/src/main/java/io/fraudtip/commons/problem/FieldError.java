package io.fraudtip.commons.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One bad field of a request.
 *
 * @param field JSON path of the field, e.g. {@code transfers[0].amountVnd}, or the name of a query,
 *     path or header parameter
 * @param code stable machine-readable code, e.g. {@code phone.invalid}
 * @param message what is wrong, in the caller's language
 */
@Schema(name = "FieldError", description = "One bad field of a request")
public record FieldError(
    @Schema(
            description =
                "JSON path of the field, or the name of a query, path or header parameter (empty"
                    + " for the whole body)",
            example = "transfers[0].amountVnd")
        String field,
    @Schema(
            description = "Stable machine-readable code of the broken rule",
            example = "PositiveOrZero")
        String code,
    @Schema(
            description = "What is wrong, in the caller's language (Accept-Language: vi or en)",
            example = "Không được là số âm")
        String message) {}
