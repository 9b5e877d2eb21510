package io.fraudtip.commons.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/** JSON paths of bean-validation violations, as callers know their fields. */
public final class FieldPaths {
  private FieldPaths() {}

  /**
   * The JSON path of a violation, e.g. {@code transfers[0].amountVnd} or {@code scammer.phones[2]};
   * the REST method and parameter names of an argument are left out.
   */
  public static String of(ConstraintViolation<?> violation) {
    StringBuilder path = new StringBuilder();
    for (Path.Node node : violation.getPropertyPath()) {
      ElementKind kind = node.getKind();
      if (kind == ElementKind.METHOD
          || kind == ElementKind.CONSTRUCTOR
          || kind == ElementKind.PARAMETER
          || kind == ElementKind.CROSS_PARAMETER
          || kind == ElementKind.RETURN_VALUE) {
        continue;
      }
      if (node.isInIterable()) {
        if (node.getIndex() != null) {
          path.append('[').append(node.getIndex()).append(']');
        } else if (node.getKey() != null) {
          path.append('[').append(node.getKey()).append(']');
        }
      }
      if (kind == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
        continue;
      }
      if (!path.isEmpty()) {
        path.append('.');
      }
      path.append(node.getName());
    }
    return path.toString();
  }

  /** The stable code of a violation: {@code NotNull}, {@code Size}, or a custom template key. */
  public static String code(ConstraintViolation<?> violation) {
    String template = violation.getMessageTemplate();
    if (template.startsWith("{") && template.endsWith("}")) {
      return template
          .substring(1, template.length() - 1)
          .replace("jakarta.validation.constraints.", "")
          .replace("org.hibernate.validator.constraints.", "")
          .replace(".message", "");
    }
    return template;
  }
}
