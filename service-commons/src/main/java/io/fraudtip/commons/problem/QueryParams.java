package io.fraudtip.commons.problem;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Query and header parameters that do not convert (an unknown enum value, {@code 1e400} for a
 * number, "yesterday" for a time) answer 400 naming the parameter and what it takes. Left to the
 * REST layer they would be a bare 404, since JAX-RS reads a query parameter that does not convert
 * as "no such resource", which tells a caller nothing. Path parameters keep that 404: an id that
 * cannot exist names no resource.
 */
@Provider
public class QueryParams implements ParamConverterProvider {
  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <T> ParamConverter<T> getConverter(
      Class<T> rawType, Type genericType, Annotation[] annotations) {
    String name = parameterName(annotations);
    if (name == null) {
      return null;
    }
    if (rawType.isEnum()) {
      Class<? extends Enum> type = rawType.asSubclass(Enum.class);
      return (ParamConverter<T>)
          new Converter<Enum>(
              name,
              "enum",
              english("enum", Map.of("values", accepted(type))),
              v -> Enum.valueOf(type, v),
              Enum::name);
    }
    if (rawType == Integer.class || rawType == int.class) {
      return (ParamConverter<T>)
          new Converter<>(name, "integer", english("integer", Map.of()), Integer::valueOf, null);
    }
    if (rawType == Long.class || rawType == long.class) {
      return (ParamConverter<T>)
          new Converter<>(name, "integer", english("integer", Map.of()), Long::valueOf, null);
    }
    if (rawType == Instant.class) {
      return (ParamConverter<T>)
          new Converter<>(name, "instant", english("instant", Map.of()), Instant::parse, null);
    }
    if (rawType == LocalDate.class) {
      return (ParamConverter<T>)
          new Converter<>(
              name, "date", "must be a date such as 2026-07-01", LocalDate::parse, null);
    }
    if (rawType == UUID.class) {
      return (ParamConverter<T>)
          new Converter<>(
              name,
              "uuid",
              "must be an id such as 0b6f1c1e-3c1a-4a53-9d8e-6a0f7f0f2b11",
              UUID::fromString,
              null);
    }
    return null;
  }

  /** The values an enum takes, as a message lists them: {@code RED, GREEN}. */
  static String accepted(Class<?> enumType) {
    return Arrays.stream(enumType.getEnumConstants())
        .map(c -> ((Enum<?>) c).name())
        .collect(Collectors.joining(", "));
  }

  /** A code's message in English, the one a JSON body's same mistake gets (messages.properties). */
  private static String english(String code, Map<String, ?> args) {
    return ProblemMessages.message(Locale.ENGLISH, code, args, code);
  }

  /** The name of a query or header parameter; null for any other argument. */
  static String parameterName(Annotation[] annotations) {
    for (Annotation a : annotations) {
      if (a instanceof QueryParam q) {
        return q.value();
      }
      if (a instanceof HeaderParam h) {
        return h.value();
      }
    }
    return null;
  }

  /** Parses with {@code parse}; anything it refuses is a 400 naming the parameter. */
  private record Converter<T>(
      String name,
      String code,
      String message,
      Function<String, T> parse,
      Function<T, String> format)
      implements ParamConverter<T> {
    @Override
    public T fromString(String value) {
      if (value == null) {
        return null;
      }
      try {
        return parse.apply(value);
      } catch (RuntimeException e) {
        throw ProblemException.invalid(name, code, message);
      }
    }

    @Override
    public String toString(T value) {
      if (value == null) {
        return null;
      }
      return format == null ? value.toString() : format.apply(value);
    }
  }
}
