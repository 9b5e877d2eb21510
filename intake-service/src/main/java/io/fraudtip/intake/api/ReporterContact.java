package io.fraudtip.intake.api;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reporter's contact data, disclosed to case-service for one logged police read. */
@Schema(
    name = "ReporterContact",
    description = "The reporter's contact data of one tip, for a logged police read (internal)")
public record ReporterContact(
    @Schema(description = "The tip") UUID tipId,
    @Schema(description = "Full name, as given", example = "Nguyễn Thị Hoa") String name,
    @Schema(description = "Phone, E.164", example = "+84912345678") String phone,
    @Schema(description = "E-mail, lower case", example = "hoa.nguyen@example.vn") String email,
    @Schema(description = "Identity card number", example = "066190012345") String nationalId) {
  @Override
  public String toString() {
    return "ReporterContact[" + tipId + ", personal data withheld]";
  }
}
