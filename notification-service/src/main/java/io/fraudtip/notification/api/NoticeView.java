package io.fraudtip.notification.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Something the operators must act on. */
@Schema(description = "Something the operators must act on")
public record NoticeView(
    UUID id,
    @Schema(example = "ENDPOINT_DISABLED") String kind,
    String bankBin,
    UUID endpointId,
    String message,
    Instant createdAt) {}
