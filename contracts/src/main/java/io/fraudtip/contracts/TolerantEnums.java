package io.fraudtip.contracts;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Reads an enum value that this reader does not know (a producer deployed a new one first) as the
 * enum's documented fallback instead of failing the whole event: the constant marked {@link
 * JsonEnumDefaultValue} where the enum has one (e.g. {@code ScamType.OTHER}), {@code null}
 * otherwise, which each consumer handles as its enum's Javadoc says. Each unknown value is logged
 * once, so that an operator sees the producer is ahead.
 *
 * <p>Only for event payloads: HTTP requests keep rejecting unknown values with a clear problem.
 */
final class TolerantEnums extends DeserializationProblemHandler {
  private static final Logger LOG = Logger.getLogger(TolerantEnums.class.getName());
  private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

  @Override
  public Object handleWeirdStringValue(
      DeserializationContext ctxt, Class<?> targetType, String valueToConvert, String failureMsg) {
    if (!targetType.isEnum()) {
      return NOT_HANDLED;
    }
    Object fallback = fallback(targetType);
    if (LOGGED.add(targetType.getName() + '.' + valueToConvert)) {
      LOG.warning(
          () ->
              "Unknown "
                  + targetType.getSimpleName()
                  + " value '"
                  + valueToConvert
                  + "' in an event, read as "
                  + fallback
                  + " (a producer knows a newer value; update this reader)");
    }
    return fallback;
  }

  private static Object fallback(Class<?> enumType) {
    for (Object constant : enumType.getEnumConstants()) {
      try {
        if (enumType
            .getField(((Enum<?>) constant).name())
            .isAnnotationPresent(JsonEnumDefaultValue.class)) {
          return constant;
        }
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException(e);
      }
    }
    return null;
  }
}
