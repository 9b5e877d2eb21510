package io.fraudtip.notification.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many failed deliveries a replay scheduled again. */
@Schema(description = "How many failed deliveries were scheduled again")
public record ReplayCount(@Schema(example = "12") int replayed) {}
