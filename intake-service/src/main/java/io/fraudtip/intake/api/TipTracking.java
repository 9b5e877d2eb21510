package io.fraudtip.intake.api;

import io.fraudtip.intake.domain.TipStatus;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What anyone holding a tracking code may see: status and public history, no personal data. */
@Schema(
    name = "TipTracking",
    description = "A tip's status and public history; never any personal data")
public record TipTracking(
    @Schema(description = "The tracking code", example = "K7QM-4XRT-9P") String trackingCode,
    @Schema(
            description =
                "RECEIVED, then ASSIGNED (a police unit has the case), IN_PROGRESS (under"
                    + " investigation), CLOSED; follows the tip's case",
            example = "ASSIGNED")
        TipStatus status,
    @Schema(description = "When the tip was accepted") Instant receivedAt,
    @Schema(description = "When the status last changed") Instant updatedAt,
    @Schema(description = "The public steps of the tip, oldest first") List<Step> history) {

  /** One step of the history. */
  @Schema(name = "TipStep", description = "One public step of a tip's history")
  public record Step(
      @Schema(description = "The status reached", example = "ASSIGNED") TipStatus status,
      @Schema(description = "When") Instant at,
      @Schema(description = "What happened, in plain words", example = "Assigned to a police unit")
          String note) {}
}
