package io.fraudtip.intake.api;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * case-service's signed request for one tip's reporter contact, made for a police unit that stated
 * a reason; case-service has logged it before asking.
 *
 * @param readId case-service's access-log id of this read; a second request with it is refused
 * @param caseReference the case the unit holds, which must be the tip's case as intake knows it
 * @param unitCode the reading unit
 * @param officer the reading officer (token subject)
 */
@Schema(
    name = "ContactRequest",
    description = "case-service's signed request for one tip's reporter contact (internal)")
public record ContactRequest(
    @Schema(description = "case-service's access-log id of this read; used once") UUID readId,
    @Schema(description = "The tip's case", example = "VN-79B14337") String caseReference,
    @Schema(description = "The reading police unit", example = "PA05-66") String unitCode,
    @Schema(description = "The reading officer (token subject)", example = "officer@PA05-66")
        String officer) {}
