package io.fraudtip.commons.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail, the body of every error answer ({@code application/problem+json}).
 *
 * @param type URI reference naming the kind of problem
 * @param title short summary of the kind of problem
 * @param status the HTTP status
 * @param detail what went wrong this time
 * @param instance the request path
 * @param errors the bad fields, for validation problems
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(
    name = "Problem",
    description = "RFC 9457 problem details (application/problem+json), the body of every error")
public record Problem(
    @Schema(
            description =
                "Kind of problem: validation, not-found, idempotency-mismatch,"
                    + " idempotency-in-flight, too-many-requests, internal, ...",
            example = "validation")
        String type,
    @Schema(
            description = "Short summary of the kind, in the caller's language",
            example = "Bad Request")
        String title,
    @Schema(description = "The HTTP status", example = "400") int status,
    @Schema(
            description = "What went wrong this time, in the caller's language",
            example = "The request has 1 invalid field(s)")
        String detail,
    @Schema(description = "The request path", example = "/api/v1/tips") String instance,
    @Schema(
            description =
                "The bad fields, for validation problems; past the first "
                    + Problem.MAX_ERRORS
                    + " a last one (errors.more) counts the rest")
        List<FieldError> errors) {
  public static final String MEDIA_TYPE = "application/problem+json";

  /** The most bad fields an answer lists: a body of 12,000 unknown fields was answered 900 KB. */
  public static final int MAX_ERRORS = 100;

  public Problem {
    // One over the bound is kept whole: a list capped here and copied (translated) stays as it is.
    if (errors != null && errors.size() > MAX_ERRORS + 1) {
      List<FieldError> listed = new java.util.ArrayList<>(errors.subList(0, MAX_ERRORS));
      listed.add(
          new FieldError(
              "",
              "errors.more",
              (errors.size() - MAX_ERRORS)
                  + " more bad field(s), not listed: mend these first / còn "
                  + (errors.size() - MAX_ERRORS)
                  + " trường sai khác chưa liệt kê: hãy sửa các trường trên trước"));
      errors = List.copyOf(listed);
    }
  }
}
