package io.fraudtip.notification.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One attempt of a delivery, from the delivery log. */
@Schema(description = "One attempt of a delivery")
public record AttemptView(
    @Schema(example = "2") int attempt,
    Instant attemptedAt,
    @Schema(example = "42") long latencyMs,
    @Schema(description = "The bank's HTTP status; absent when none came", example = "503")
        Integer statusCode,
    @Schema(description = "SUCCESS, RETRY, FAILED or GONE", example = "RETRY") String outcome,
    @Schema(description = "The start of the bank's answer", example = "Service Unavailable")
        String responseBody,
    @Schema(
            description =
                "Why no status came: no answer in time, no address in time, no connection, a URL"
                    + " refused (not public), or a failed TLS handshake"
                    + " with its reason",
            example = "TimeoutException: no answer in 15000 ms")
        String error) {}
