package io.fraudtip.commons.problem;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A query parameter that takes one value and is given twice ({@code value=a&value=b}) answers 400
 * naming it. JAX-RS would take the first value, while a proxy, a cache or a log in front may read
 * the last: the request checked is then not the one served (HTTP parameter pollution). Parameters
 * that take a list ({@code List}, {@code Set}, an array) may repeat. The names are read once per
 * resource method, at start.
 */
@Provider
public class RepeatedParams implements DynamicFeature {
  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    Method method = resource.getResourceMethod();
    if (method == null) {
      return;
    }
    Set<String> single = singleValued(resource.getResourceClass(), method);
    if (!single.isEmpty()) {
      context.register(new Check(List.copyOf(single)));
    }
  }

  /**
   * The names of a resource method's query parameters that take one value, read from the first
   * declaration in its classes and interfaces that annotates each argument, and from the fields of
   * its {@code @BeanParam} arguments.
   */
  static Set<String> singleValued(Class<?> type, Method method) {
    Set<String> names = new LinkedHashSet<>();
    Class<?>[] params = method.getParameterTypes();
    for (int i = 0; i < params.length; i++) {
      Annotation[] annotations =
          FieldPaths.declared(type, method.getName(), params, i, RepeatedParams::bindsQuery);
      for (Annotation a : annotations) {
        if (a instanceof QueryParam q && !multiValued(params[i])) {
          names.add(q.value());
        } else if (a instanceof BeanParam) {
          names.addAll(singleValuedFields(params[i]));
        }
      }
    }
    return names;
  }

  /** The single-valued query parameters a {@code @BeanParam} class binds to its fields. */
  private static List<String> singleValuedFields(Class<?> bean) {
    List<String> names = new ArrayList<>();
    for (Class<?> c = bean; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        QueryParam q = f.getAnnotation(QueryParam.class);
        if (q != null && !multiValued(f.getType())) {
          names.add(q.value());
        }
      }
    }
    return names;
  }

  private static boolean bindsQuery(Annotation[] annotations) {
    for (Annotation a : annotations) {
      if (a instanceof QueryParam || a instanceof BeanParam) {
        return true;
      }
    }
    return false;
  }

  private static boolean multiValued(Class<?> type) {
    return type.isArray() || Collection.class.isAssignableFrom(type);
  }

  /** Refuses a request that gives one of {@code names} more than once. */
  record Check(List<String> names) implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      var query = request.getUriInfo().getQueryParameters();
      if (query.isEmpty()) {
        return;
      }
      for (String name : names) {
        List<String> values = query.get(name);
        if (values != null && values.size() > 1) {
          refuse(name, ProblemMessages.locale(request.getAcceptableLanguages()));
        }
      }
    }
  }

  /** Refuses a query parameter given more than once: a 400 naming it, in {@code locale}. */
  public static void refuse(String name, Locale locale) {
    Violations violations = new Violations(locale);
    violations.add(name, "parameter.repeated", Map.of("name", name));
    violations.throwIfAny();
  }
}
