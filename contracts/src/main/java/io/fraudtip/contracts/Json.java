package io.fraudtip.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;

/** The JSON settings of event payloads, for code outside a Quarkus application (tools, tests). */
public final class Json {
  private static final ObjectMapper EVENTS = mapper();

  private Json() {}

  /** The shared mapper of event payloads, configured once; do not reconfigure it. */
  public static ObjectMapper events() {
    return EVENTS;
  }

  /** An event payload as JSON. */
  public static String write(Object payload) {
    try {
      return EVENTS.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("payload cannot be written as JSON", e);
    }
  }

  /**
   * A mapper that writes times as ISO-8601 strings, leaves out nulls and tolerates fields and enum
   * values added to a topic's schema after the reader was built (additive changes keep the topic
   * version; see {@link TolerantEnums} for what an unknown enum value reads as). Instants in the
   * producers' one form are read without a formatter ({@link UtcInstants}).
   */
  public static ObjectMapper mapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .registerModule(
            new SimpleModule("utc-instants").addDeserializer(Instant.class, new UtcInstants()))
        .addHandler(new TolerantEnums())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .setSerializationInclusion(JsonInclude.Include.NON_NULL);
  }
}
