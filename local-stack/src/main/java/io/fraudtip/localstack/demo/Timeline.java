package io.fraudtip.localstack.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The steps of a story as they happened, each with its time and, where measured, its duration. */
public final class Timeline {
  /**
   * One step.
   *
   * @param at when it happened (the platform's or the demo bank's clock, on this machine)
   * @param text what happened, in plain words
   * @param took how long the step took from its cause (a tip accepted, a request sent), or null
   */
  public record Step(Instant at, String text, Duration took) {}

  private final List<Step> steps = new ArrayList<>();

  /** Adds a step without a measured duration. */
  public Step add(Instant at, String text) {
    Step s = new Step(at, text, null);
    steps.add(s);
    return s;
  }

  /** Adds a step that took {@code took} from its cause. */
  public Step add(Instant at, String text, Duration took) {
    Step s = new Step(at, text, took);
    steps.add(s);
    return s;
  }

  public List<Step> steps() {
    return List.copyOf(steps);
  }

  /** The first step whose text contains {@code part}. */
  public Step step(String part) {
    return steps.stream()
        .filter(s -> s.text().contains(part))
        .findFirst()
        .orElseThrow(() -> new StoryFailure("no step mentions '" + part + "'"));
  }

  /**
   * Prints the steps in the order they happened (a step observed later may have happened earlier,
   * e.g. the case's assignment before the bank's alert), each with its offset from the first one.
   */
  public void print(PrintStream out) {
    if (steps.isEmpty()) {
      return;
    }
    List<Step> inOrder = new ArrayList<>(steps);
    inOrder.sort(java.util.Comparator.comparing(Step::at));
    Instant start = inOrder.get(0).at();
    for (Step s : inOrder) {
      long offset = Duration.between(start, s.at()).toMillis();
      out.printf("  %+7d ms  %s%n", offset, s.text());
    }
  }
}
