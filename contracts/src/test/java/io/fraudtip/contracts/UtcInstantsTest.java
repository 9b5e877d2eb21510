package io.fraudtip.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UtcInstantsTest {
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  /** Jackson's own reading of instants, as the events mapper had it before. */
  private static final ObjectMapper JACKSON =
      new ObjectMapper().registerModule(new JavaTimeModule());

  @Test
  void everyInstantWrittenInTheCanonicalFormReadsAsJavaTimeReadsIt() {
    Random random = new Random(20261203);
    for (int i = 0; i < 20_000; i++) {
      Instant instant =
          Instant.ofEpochSecond(
              random.nextLong(-62_135_596_800L, 253_402_300_799L), random.nextInt(1_000_000_000));
      // Instant.toString's own form (0, 3, 6 or 9 digits), then each length from 0 to 9.
      String written = instant.toString();
      assertThat(UtcInstants.parse(written)).as(written).isEqualTo(Instant.parse(written));
      int digits = i % 10;
      String shorter = withFraction(instant, digits);
      assertThat(UtcInstants.parse(shorter)).as(shorter).isEqualTo(Instant.parse(shorter));
    }
  }

  @Test
  void theEdgesOfTheCalendarAreReadOrLeftToJackson() {
    assertThat(UtcInstants.parse("2024-02-29T23:59:59.999999Z"))
        .isEqualTo(Instant.parse("2024-02-29T23:59:59.999999Z"));
    assertThat(UtcInstants.parse("0000-01-01T00:00:00Z"))
        .isEqualTo(Instant.parse("0000-01-01T00:00:00Z"));
    assertThat(UtcInstants.parse("9999-12-31T23:59:59.999999999Z"))
        .isEqualTo(Instant.parse("9999-12-31T23:59:59.999999999Z"));
    for (String other :
        List.of(
            "2025-02-29T10:00:00Z",
            "2026-04-31T10:00:00Z",
            "2026-13-01T10:00:00Z",
            "2026-00-01T10:00:00Z",
            "2026-12-03T24:00:00Z",
            "2026-12-31T23:59:60Z",
            "2026-12-03T10:60:00Z",
            "2026-12-03T10:00:00+07:00",
            "2026-12-03T10:00:00.000+00:00",
            "2026-12-03t10:00:00z",
            "2026-12-03 10:00:00Z",
            "2026-12-03T10:00:00.Z",
            "2026-12-03T10:00:00,5Z",
            "2026-12-03T10:00:00.1234567890Z",
            "2026-12-03T10:00Z",
            "+12026-12-03T10:00:00Z",
            "-2026-12-03T10:00:00Z",
            "2026-1a-03T10:00:00Z",
            "2026-12-03T10:00:0５Z",
            " 2026-12-03T10:00:00Z",
            "")) {
      assertThat(UtcInstants.parse(other)).as(other).isNull();
    }
  }

  @Test
  void theEventsMapperReadsWhatJacksonReadsAndRefusesWhatItRefuses() {
    for (String json :
        List.of(
            "\"2026-12-03T10:15:30.123456Z\"",
            "\"2026-12-03T10:15:30Z\"",
            "\"2026-12-03T10:15:30.5Z\"",
            "\"2026-12-03T17:15:30+07:00\"",
            "\"2026-12-03t10:15:30z\"",
            "\" 2026-12-03T10:15:30Z \"",
            "\"+12026-12-03T10:00:00Z\"",
            // Jackson's formatter resolves a day past the month's end to its last day.
            "\"2025-02-29T10:00:00Z\"",
            "\"2026-04-31T10:00:00Z\"",
            "\"2026-12-03T24:00:00Z\"",
            "\"2026-12-31T23:59:60Z\"",
            "\"2026-12-03T10:00:00.Z\"",
            "\"2026-12-32T10:00:00Z\"",
            "\"tomorrow\"",
            "1796317249.5",
            "1796317249",
            "true",
            "\"\"",
            "null")) {
      assertThat(outcome(Json.events(), json)).as(json).isEqualTo(outcome(JACKSON, json));
    }
    assertThat(outcome(Json.events(), "\"2026-12-32T10:00:00Z\""))
        .isEqualTo("InvalidFormatException");
  }

  /** The instant a mapper reads, or the simple name of what it throws. */
  private static Object outcome(ObjectMapper mapper, String json) {
    try {
      return mapper.readValue(json, Instant.class);
    } catch (Exception e) {
      return e.getClass().getSimpleName();
    }
  }

  private static String withFraction(Instant instant, int digits) {
    LocalDateTime time = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    String fraction = String.format("%09d", time.getNano()).substring(0, digits);
    return SECONDS.format(time) + (digits == 0 ? "" : "." + fraction) + "Z";
  }
}
