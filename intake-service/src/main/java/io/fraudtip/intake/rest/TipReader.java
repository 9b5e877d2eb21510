package io.fraudtip.intake.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import io.fraudtip.commons.crypto.Hashes;
import io.fraudtip.intake.api.TipSubmission;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads a tip body. Unknown fields are collected instead of failing on the first, so that they are
 * listed with every other bad field in one answer; a body that is not JSON of the right shape fails
 * at once (the problem mapper answers 400).
 */
@ApplicationScoped
public class TipReader {
  private static final String UNKNOWN = "fraudtip.unknownFields";

  /** A body as read: the tip (null for a JSON {@code null}) and its unknown fields' paths. */
  public record Read(TipSubmission tip, List<String> unknownFields, String bodyHash) {}

  private final ObjectReader reader;

  TipReader(ObjectMapper mapper) {
    this.reader = mapper.readerFor(TipSubmission.class).withHandler(new CollectUnknown());
  }

  public Read read(String body) throws IOException {
    List<String> unknown = new ArrayList<>();
    TipSubmission tip =
        body == null || body.isBlank()
            ? null
            : reader.withAttribute(UNKNOWN, unknown).readValue(body);
    return new Read(tip, List.copyOf(unknown), hash(body));
  }

  /** A body's hash, as sent: a retry with the same Idempotency-Key must repeat the body. */
  public static String hash(String body) {
    return Hashes.sha256(body == null ? "" : body);
  }

  private static final class CollectUnknown extends DeserializationProblemHandler {
    @Override
    @SuppressWarnings("unchecked")
    public boolean handleUnknownProperty(
        DeserializationContext ctxt,
        JsonParser p,
        JsonDeserializer<?> deserializer,
        Object beanOrClass,
        String propertyName)
        throws IOException {
      Object list = ctxt.getAttribute(UNKNOWN);
      if (!(list instanceof List<?>)) {
        return false;
      }
      ((List<String>) list).add(path(p, propertyName));
      p.skipChildren();
      return true;
    }

    private static String path(JsonParser p, String propertyName) {
      JsonStreamContext context = p.getParsingContext();
      if (p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY) {
        context = context.getParent();
      }
      // The innermost object context's current name is the unknown property itself.
      Deque<String> parts = new ArrayDeque<>();
      for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
        if (c.inArray()) {
          parts.push("[" + c.getCurrentIndex() + "]");
        } else if (c.getCurrentName() != null) {
          parts.push("." + c.getCurrentName());
        }
      }
      String path = String.join("", parts);
      if (path.isEmpty()) {
        return propertyName;
      }
      return path.startsWith(".") ? path.substring(1) : path;
    }
  }
}
