package io.fraudtip.intake.rest;

import io.fraudtip.intake.domain.TipStatus;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to an accepted tip. */
@Schema(description = "An accepted tip: keep the tracking code to follow it")
public record TipReceipt(
    UUID tipId,
    @Schema(example = "K7QM-4XRT-9P") String trackingCode,
    TipStatus status,
    Instant receivedAt) {}
