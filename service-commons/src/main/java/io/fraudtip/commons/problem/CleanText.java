package io.fraudtip.commons.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;

/**
 * Text that a service accepts: no control characters (tab and line breaks aside) and no bidi
 * embedding, override or isolate characters. NUL cannot be stored by PostgreSQL and would poison
 * the consumers downstream; the others only hide or reorder what an officer or a bank reads.
 * Applied to every string of every JSON body, and through {@link #REGEX} to query parameters.
 */
@Singleton
public class CleanText implements ObjectMapperCustomizer {
  /** The field error code of a string holding such a character. */
  public static final String CODE = "text.control";

  /** Matches clean text, for {@code @Pattern} on parameters that are not JSON. */
  public static final String REGEX =
      "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069]*";

  /** Whether the text holds none of the refused characters. */
  public static boolean isClean(String text) {
    if (text == null) {
      return true;
    }
    // A loop, not REGEX: every string of every body passes here, and the pattern's matcher was a
    // fifth of a 1,000-item watchlist batch's CPU in a profile.
    for (int i = 0; i < text.length(); i++) {
      if (refused(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** The characters {@link #REGEX} refuses. */
  private static boolean refused(char c) {
    if (c < 0x20) {
      return c != '\t' && c != '\n' && c != '\r';
    }
    return (c >= 0x7F && c <= 0x9F)
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');
  }

  /**
   * Applied last, after Quarkus has registered the modules it finds (JavaTimeModule among them), so
   * that the readers here win over theirs.
   */
  @Override
  public int priority() {
    return MINIMUM_PRIORITY;
  }

  @Override
  public void customize(ObjectMapper mapper) {
    // "{...} }{" is not one JSON document: refuse what follows the value instead of ignoring it.
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    // A name given twice in one object is refused: the last value would silently win, and a
    // proxy or client reading the first would see another request than the service.
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    // A number or a boolean where text is expected is a wrong type, not text.
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    // A fraction where a whole number is expected (an amount in dong) is refused: Jackson would
    // truncate it, and 1.5 was stored as 1.
    mapper
        .coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    mapper.registerModule(
        new SimpleModule("clean-text")
            .addDeserializer(String.class, new Strings())
            .addDeserializer(Instant.class, new Instants()));
  }

  /**
   * Times are ISO-8601 text: Jackson would read a number as epoch seconds and silently wrap one out
   * of range (1e400 becomes 1970).
   */
  static final class Instants extends StdScalarDeserializer<Instant> {
    Instants() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
      }
      return InstantDeserializer.INSTANT.deserialize(p, ctxt);
    }
  }

  /** Jackson's string deserializer, refusing unclean text as a bad value of its field. */
  static final class Strings extends StringDeserializer {
    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String value = super.deserialize(p, ctxt);
      if (!isClean(value)) {
        throw ctxt.weirdStringException(value, String.class, CODE);
      }
      return value != null && invisible(value) ? "" : value;
    }
  }

  /**
   * Whether the text shows nothing: spaces, zero-width and other format characters only. Such text
   * says nothing and is read as empty, so that a required field is refused as blank (a description
   * of three zero-width spaces was accepted). A visible first character ends the loop at once.
   */
  static boolean invisible(String text) {
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i); // by code point: tag characters (U+E0020…) are pairs of chars
      if (!Character.isWhitespace(c)
          && !Character.isSpaceChar(c)
          && Character.getType(c) != Character.FORMAT) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }
}
