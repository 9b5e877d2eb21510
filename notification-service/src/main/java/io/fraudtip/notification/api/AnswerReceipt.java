package io.fraudtip.notification.api;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A bank's answer to an alert as recorded. */
@Schema(description = "A bank's answer as recorded")
public record AnswerReceipt(
    @Schema(
            description =
                "The answer's id; a retry with the same Idempotency-Key and answer gets this one"
                    + " again",
            example = "0b6e4d2a-8f3c-4a71-9d5e-1c2f3a4b5c6d")
        UUID responseId) {}
