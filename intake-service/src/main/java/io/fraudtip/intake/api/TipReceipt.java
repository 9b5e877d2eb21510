package io.fraudtip.intake.api;

import io.fraudtip.intake.domain.TipStatus;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to an accepted tip. */
@Schema(name = "TipReceipt", description = "An accepted tip: keep the tracking code to follow it")
public record TipReceipt(
    @Schema(
            description = "The tip's id (the key of its tips.v1 record)",
            example = "3f2b8c1e-6d4a-4f7e-9b0c-2a1d5e8f7c90")
        UUID tipId,
    @Schema(
            description =
                "Code to follow the tip with: 10 symbols of Crockford's base 32, grouped 4-4-2 to"
                    + " read over the phone",
            example = "K7QM-4XRT-9P")
        String trackingCode,
    @Schema(description = "The tip's status: RECEIVED for a new tip", example = "RECEIVED")
        TipStatus status,
    @Schema(description = "When the tip was accepted", example = "2026-11-20T03:12:45.123456Z")
        Instant receivedAt) {}
