package io.fraudtip.commons.problem;

import java.util.List;

/** Thrown by services to answer with a problem; mapped by {@link ProblemMapper}. */
public class ProblemException extends RuntimeException {
  private final int status;
  private final String type;
  private final String title;
  private final List<FieldError> errors;

  public ProblemException(int status, String type, String title, String detail) {
    this(status, type, title, detail, List.of());
  }

  public ProblemException(
      int status, String type, String title, String detail, List<FieldError> errors) {
    super(detail, null, false, false);
    this.status = status;
    this.type = type;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  public List<FieldError> errors() {
    return errors;
  }

  public static ProblemException notFound(String what) {
    return new ProblemException(404, "not-found", "Not Found", what + " was not found");
  }

  /** A 400 answer naming one bad field; its message is already in the caller's language. */
  public static ProblemException invalid(String field, String code, String message) {
    return invalid(List.of(new FieldError(field, code, message)));
  }

  /** A 400 answer naming every bad field (English detail; see {@link Violations} for bundles). */
  public static ProblemException invalid(List<FieldError> errors) {
    return new ProblemException(
        400,
        "validation",
        "Bad Request",
        "The request has " + errors.size() + " invalid field(s)",
        errors);
  }

  public static ProblemException conflict(String type, String detail) {
    return new ProblemException(409, type, "Conflict", detail);
  }
}
