package io.fraudtip.notification.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An endpoint with its signing secret: shown once, on creation or rotation. */
@Schema(description = "An endpoint and its new signing secret, shown only this once")
public record EndpointSecret(
    EndpointView endpoint,
    @Schema(
            description = "Standard Webhooks secret: whsec_ and base64 of 24 to 64 random bytes",
            example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        String secret) {}
