package io.fraudtip.notification.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook endpoint as its bank and operators see it; never its secret. */
@Schema(description = "A webhook endpoint (the secret is shown only on creation and rotation)")
public record EndpointView(
    UUID id,
    @Schema(example = "970436") String bankBin,
    @Schema(example = "Vietcombank") String bankName,
    @Schema(example = "https://hooks.vietcombank.example/fraudtip") String url,
    @Schema(example = "Phòng chống gian lận - môi trường chính") String description,
    @Schema(example = "[\"account.reported\", \"freeze.requested\"]") List<String> eventTypes,
    boolean active,
    @Schema(
            description = "GONE (410), FAILING (no success for days) or BY_USER",
            example = "FAILING")
        String disabledReason,
    Instant disabledAt,
    Instant failingSince,
    Instant lastSuccessAt,
    @Schema(description = "Until when the previous secret also signs, after a rotation")
        Instant previousSecretValidUntil,
    Instant createdAt) {}
