package io.fraudtip.notification.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An alert as its bank sees it. */
@Schema(description = "An alert about one of the bank's accounts")
public record AlertView(
    UUID id,
    @Schema(example = "account.reported") String type,
    @Schema(example = "970436") String bankBin,
    @Schema(description = "The account; absent for endpoint.disabled", example = "0071000123456")
        String accountNumber,
    @Schema(example = "1") int layer,
    UUID tipId,
    UUID caseId,
    Instant createdAt,
    @Schema(description = "Per-account sequence; a higher one supersedes", example = "3")
        long sequence,
    @Schema(
            description =
                "False only for a police unit's order to hold: freeze.requested, hold.extended")
        boolean advisory,
    @Schema(
            description =
                "When one of the bank's endpoints first answered 2xx; absent while undelivered")
        Instant deliveredAt) {}
