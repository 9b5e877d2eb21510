package io.fraudtip.cases.rest;

import io.fraudtip.contracts.cases.CaseStatus;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A case in a unit's list. */
@Schema(description = "A case in a police unit's list")
public record CaseSummary(
    UUID id,
    @Schema(example = "VN-1A2B3C4D") String reference,
    CaseStatus status,
    @Schema(example = "PA05-66") String unitCode,
    Instant openedAt) {}
