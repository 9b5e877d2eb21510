package io.fraudtip.loadtests;

import com.fasterxml.jackson.databind.JsonNode;
import io.fraudtip.contracts.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one wrk run reported (the {@code WRK_RESULT} line of {@code bench.lua}'s {@code done()}),
 * and the CPU the wrk process used (bash's {@code times} after it, user + system of children). wrk
 * counts an answer with a status of 400 or more as a status error; latencies are of every answer.
 */
record WrkResult(
    long requests,
    long durationMicros,
    long connectErrors,
    long readErrors,
    long writeErrors,
    long statusErrors,
    long timeouts,
    long p50Micros,
    long p90Micros,
    long p99Micros,
    long maxMicros,
    double generatorCpuSeconds) {
  private static final Pattern TIMES =
      Pattern.compile("^(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s$", Pattern.MULTILINE);

  long ok() {
    return requests - statusErrors;
  }

  long failed() {
    return statusErrors + timeouts + connectErrors + readErrors + writeErrors;
  }

  /** Reads wrk's output; NaN generator CPU when the output has no {@code times} lines. */
  static WrkResult parse(String output) {
    int at = output.indexOf("WRK_RESULT ");
    if (at < 0) {
      throw new IllegalStateException("wrk printed no result:\n" + output);
    }
    int end = output.indexOf('\n', at);
    String json = output.substring(at + "WRK_RESULT ".length(), end < 0 ? output.length() : end);
    JsonNode n;
    try {
      n = Json.events().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("wrk's result is not JSON: " + json, e);
    }
    // `times` prints the shell's own times, then its children's: the second line is wrk's.
    Matcher m = TIMES.matcher(output);
    double cpu = Double.NaN;
    int found = 0;
    while (m.find()) {
      if (++found == 2) {
        cpu =
            Long.parseLong(m.group(1)) * 60
                + Double.parseDouble(m.group(2))
                + Long.parseLong(m.group(3)) * 60
                + Double.parseDouble(m.group(4));
      }
    }
    return new WrkResult(
        n.path("requests").asLong(),
        n.path("durationMicros").asLong(),
        n.path("connectErrors").asLong(),
        n.path("readErrors").asLong(),
        n.path("writeErrors").asLong(),
        n.path("statusErrors").asLong(),
        n.path("timeouts").asLong(),
        n.path("p50Micros").asLong(),
        n.path("p90Micros").asLong(),
        n.path("p99Micros").asLong(),
        n.path("maxMicros").asLong(),
        cpu);
  }
}
