package io.fraudtip.notification.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which failed deliveries to send again. */
@Schema(description = "Replay every delivery that failed since a time")
public record ReplayRequest(
    @NotNull
        @PastOrPresent
        @Schema(
            description = "Deliveries that failed at or after this time",
            example = "2026-11-23T08:00:00Z")
        Instant since,
    @Schema(description = "Only this endpoint's") UUID endpointId) {}
