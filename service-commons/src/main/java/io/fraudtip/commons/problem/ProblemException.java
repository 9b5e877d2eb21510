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

  public static ProblemException conflict(String type, String detail) {
    return new ProblemException(409, type, "Conflict", detail);
  }
}
