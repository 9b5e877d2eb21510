package io.fraudtip.notification.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Something the operators must act on. */
@Schema(description = "Something the operators must act on")
public record NoticeView(
    UUID id,
    @Schema(example = "ENDPOINT_DISABLED") String kind,
    @Schema(example = "970436") String bankBin,
    UUID endpointId,
    @Schema(
            example =
                "Webhook endpoint 0b8f6a52-1d7e-4f0a-9c3b-5e2d7a4c9f10 of bank 970436 disabled: it"
                    + " failed without a success for 5 days.")
        String message,
    Instant createdAt) {}
