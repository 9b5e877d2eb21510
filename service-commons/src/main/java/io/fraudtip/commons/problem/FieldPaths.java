package io.fraudtip.commons.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.PathParam;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** JSON paths of bean-validation violations, as callers know their fields. */
public final class FieldPaths {
  private FieldPaths() {}

  /**
   * The JSON path of a violation, e.g. {@code transfers[0].amountVnd} or {@code scammer.phones[2]};
   * the REST method and parameter names of an argument are left out. An argument invalid in itself
   * is named as the request names it: {@code value} for {@code @QueryParam("value") @NotBlank}.
   */
  public static String of(ConstraintViolation<?> violation) {
    StringBuilder path = new StringBuilder();
    Path.MethodNode method = null;
    Path.ParameterNode parameter = null;
    for (Path.Node node : violation.getPropertyPath()) {
      ElementKind kind = node.getKind();
      if (kind == ElementKind.METHOD) {
        method = node.as(Path.MethodNode.class);
      } else if (kind == ElementKind.PARAMETER) {
        parameter = node.as(Path.ParameterNode.class);
      }
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
    if (path.isEmpty() && method != null && parameter != null) {
      // The violation is the argument itself: a query, path or header parameter by its name.
      return requestName(
          violation.getRootBeanClass(),
          method.getName(),
          method.getParameterTypes(),
          parameter.getParameterIndex());
    }
    return path.toString();
  }

  /**
   * The name a request gives a REST method's argument ({@code @QueryParam("type")} and the like),
   * read from the first declaration in the resource's classes and interfaces that annotates it; an
   * empty string for an argument that is none of them (the body).
   */
  private static String requestName(Class<?> type, String method, List<Class<?>> types, int index) {
    Annotation[] found =
        declared(type, method, types.toArray(Class<?>[]::new), index, a -> name(a) != null);
    String name = name(found);
    return name == null ? "" : name;
  }

  /**
   * A REST method argument's annotations, from the first declaration in the resource's classes and
   * their interfaces that {@code wanted} accepts (Quarkus subclasses beans; an API may be declared
   * on an interface); none when no declaration is accepted.
   */
  static Annotation[] declared(
      Class<?> type,
      String method,
      Class<?>[] signature,
      int index,
      Predicate<Annotation[]> wanted) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      List<Class<?>> declaring = new ArrayList<>();
      declaring.add(c);
      declaring.addAll(List.of(c.getInterfaces()));
      for (Class<?> d : declaring) {
        try {
          Annotation[] found =
              d.getDeclaredMethod(method, signature).getParameterAnnotations()[index];
          if (wanted.test(found)) {
            return found;
          }
        } catch (NoSuchMethodException | IndexOutOfBoundsException e) {
          // Not declared here: look further up.
        }
      }
    }
    return new Annotation[0];
  }

  private static String name(Annotation[] annotations) {
    String name = QueryParams.parameterName(annotations);
    for (int i = 0; name == null && i < annotations.length; i++) {
      if (annotations[i] instanceof PathParam p) {
        name = p.value();
      } else if (annotations[i] instanceof FormParam f) {
        name = f.value();
      }
    }
    return name;
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
