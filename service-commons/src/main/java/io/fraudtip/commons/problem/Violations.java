package io.fraudtip.commons.problem;

import io.fraudtip.contracts.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The bad fields of one request, collected so that the caller hears of all of them at once. */
public final class Violations {
  private final Locale locale;
  private final List<FieldError> errors = new ArrayList<>();
  private final Set<String> fields = new HashSet<>();

  public Violations(Locale locale) {
    this.locale = locale;
  }

  /** Adds a field error whose message comes from the problem-message bundles. */
  public void add(String field, String code, Map<String, ?> args) {
    errors.add(new FieldError(field, code, ProblemMessages.message(locale, code, args, code)));
    fields.add(field);
  }

  public void add(String field, InvalidValue invalid) {
    add(field, invalid.code(), invalid.args());
  }

  /** Adds an error already rendered (bean validation). */
  public void add(FieldError error) {
    errors.add(error);
    fields.add(error.field());
  }

  /** Whether a field already has an error (then finer checks of it are skipped). */
  public boolean has(String field) {
    return fields.contains(field);
  }

  /** Whether the field or any field inside it ({@code field.x}, {@code field[0]}) has an error. */
  public boolean hasWithin(String field) {
    for (String f : fields) {
      if (f.startsWith(field)
          && (f.length() == field.length()
              || f.charAt(field.length()) == '.'
              || f.charAt(field.length()) == '[')) {
        return true;
      }
    }
    return false;
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  public Locale locale() {
    return locale;
  }

  /** Throws the one 400 answer listing every bad field, if there is any. */
  public void throwIfAny() {
    Problem problem = problem();
    if (problem != null) {
      throw new ProblemException(
          problem.status(), problem.type(), problem.title(), problem.detail(), problem.errors());
    }
  }

  /**
   * The one 400 answer listing every bad field, without an instance, or null if there is none: for
   * code that answers outside the REST layer, where nothing maps an exception.
   */
  public Problem problem() {
    if (errors.isEmpty()) {
      return null;
    }
    List<FieldError> sorted =
        errors.stream()
            .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::code))
            .toList();
    return ProblemMapper.validation(locale, null, sorted);
  }

  @Override
  public String toString() {
    return Json.write(errors);
  }
}
