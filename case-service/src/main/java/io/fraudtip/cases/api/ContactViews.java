package io.fraudtip.cases.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Police reads of a reporter's contact, and their access log. */
public final class ContactViews {
  private ContactViews() {}

  /** Why the unit reads the reporter's contact: required, kept in the access log. */
  @Schema(description = "A read of one tip's reporter contact, with the reason it is needed")
  public record ContactReadRequest(
      @Schema(
              description = "Why the contact is needed; kept in the access log operators read",
              example = "Mời bị hại đến trụ sở làm việc, lấy lời khai")
          @NotBlank
          @Size(max = 500)
          String reason) {}

  /** A reporter's contact data. */
  @Schema(description = "The reporter's contact data as they gave it; any part may be absent")
  public record ReporterContact(
      @Schema(example = "Nguyễn Thị Hoa") String name,
      @Schema(example = "+84912345678") String phone,
      @Schema(example = "hoa.nguyen@example.vn") String email,
      @Schema(example = "066190012345") String nationalId) {
    @Override
    public String toString() {
      return "ReporterContact[personal data withheld]";
    }
  }

  /** The answer to a contact read. */
  @Schema(description = "One logged read of a tip's reporter contact")
  public record ContactReadResult(
      @Schema(description = "The access-log entry of this read") UUID readId,
      UUID caseId,
      @Schema(example = "VN-79B14337") String caseReference,
      UUID tipId,
      Instant readAt,
      @Schema(example = "Mời bị hại đến trụ sở làm việc, lấy lời khai") String reason,
      ReporterContact contact) {}

  /** One entry of the access log, for operators. */
  @Schema(description = "One read of a reporter's contact: who, when, which case and tip, why")
  public record ContactReadView(
      UUID id,
      UUID caseId,
      @Schema(example = "VN-79B14337") String caseReference,
      UUID tipId,
      @Schema(description = "The reading unit", example = "PA05-66") String unitCode,
      @Schema(description = "The reading officer (token subject)", example = "officer@PA05-66")
          String subject,
      @Schema(example = "Mời bị hại đến trụ sở làm việc, lấy lời khai") String reason,
      @Schema(
              description =
                  "CONTACT_READ (the contact-reads call) or CASE_FILE (a case file asked"
                      + " with the reporters' contacts)",
              example = "CONTACT_READ")
          String purpose,
      Instant readAt,
      @Schema(
              description =
                  "DISCLOSED, ANONYMOUS (the tip has no contact), REFUSED (intake does not yet"
                      + " see the tip in the case), FAILED (intake unreachable), REQUESTED (no"
                      + " answer recorded)",
              example = "DISCLOSED")
          String outcome) {}

  /** One page of the access log, newest first. */
  @Schema(description = "One page of the access log of contact reads, newest first")
  public record ContactReadPage(
      List<ContactReadView> items,
      @Schema(example = "0") int page,
      @Schema(example = "50") int size,
      @Schema(example = "1") long total) {}
}
