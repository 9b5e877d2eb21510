package io.fraudtip.intake.rest;

import io.fraudtip.intake.domain.TipStatus;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What anyone holding a tracking code may see: status and public history, no personal data. */
@Schema(description = "A tip's status and public history")
public record TipTracking(
    String trackingCode,
    TipStatus status,
    Instant receivedAt,
    Instant updatedAt,
    List<Step> history) {

  /** One step of the history. */
  public record Step(TipStatus status, Instant at, String note) {}
}
