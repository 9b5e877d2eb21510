package io.fraudtip.localstack.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * What {@code ./run-local --demo} plays once the stack is up: story 1 with its timeline, then the
 * tip-to-bank-alert time over {@link #TIPS} tips.
 */
public final class Demo {
  /** Tips of the latency run: under intake's default 120 a minute per address, with the story's. */
  public static final int TIPS = 100;

  /** Time between two tips of the latency run (20 a second). */
  public static final Duration PACE = Duration.ofMillis(50);

  private Demo() {}

  /** Plays the demo; a failed step is printed, never thrown, so the stack keeps running. */
  public static boolean play(Platform platform, List<String> banks, PrintStream out) {
    try {
      out.println();
      out.println("Demo, story 1: a citizen's tip, the bank alerted, a freeze, the money followed");
      FirstStory.Result story = new FirstStory(platform).play();
      story.timeline().print(out);
      out.println(
          "  case: "
              + story.caseId()
              + "  tracking code: "
              + story.receipt().path("trackingCode").asText());
      out.println();
      out.printf(
          "Demo, tip-to-bank-alert time: %d anonymous tips, one every %d ms, each naming a fresh"
              + " account at one of %d banks%n",
          TIPS, PACE.toMillis(), banks.size());
      AlertLatency.Result latency = new AlertLatency(platform, banks).run(TIPS, PACE);
      out.println("  " + latency.summary());
      out.printf("  (sent in %d ms)%n", latency.sending().toMillis());
      return true;
    } catch (StoryFailure e) {
      out.println("  the demo stopped: " + e.getMessage());
      return false;
    }
  }
}
