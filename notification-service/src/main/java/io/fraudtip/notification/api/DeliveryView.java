package io.fraudtip.notification.api;

import io.fraudtip.notification.domain.DeliveryState;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One alert's delivery to one endpoint. */
@Schema(description = "One alert's delivery to one endpoint")
public record DeliveryView(
    UUID id,
    @Schema(
            description = "The webhook-id header, the same on every attempt and replay",
            example = "msg_2b7c0f5e9a4d4c1e8f3a6b2d9e1c7a40")
        String webhookId,
    UUID alertId,
    UUID endpointId,
    @Schema(example = "970436") String bankBin,
    @Schema(example = "account.reported") String eventType,
    DeliveryState state,
    @Schema(
            description = "Attempts in the current round (a replay starts a new one)",
            example = "2")
        int attempts,
    @Schema(example = "2") int totalAttempts,
    Instant nextAttemptAt,
    Instant lastAttemptAt,
    @Schema(example = "503") Integer lastStatus,
    @Schema(example = "HTTP 503") String lastError,
    Instant createdAt,
    Instant completedAt) {}
