package io.fraudtip.intake.api;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reporter's contact data, disclosed to case-service for one logged police read. */
@Schema(
    name = "ReporterContact",
    description = "The reporter's contact data of one tip, for a logged police read (internal)")
public record ReporterContact(
    UUID tipId,
    @Schema(example = "Nguyễn Thị Hoa") String name,
    @Schema(example = "+84912345678") String phone,
    @Schema(example = "hoa.nguyen@example.vn") String email,
    @Schema(example = "066190012345") String nationalId) {
  @Override
  public String toString() {
    return "ReporterContact[" + tipId + ", personal data withheld]";
  }
}
