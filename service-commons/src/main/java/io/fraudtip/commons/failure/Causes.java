package io.fraudtip.commons.failure;

import java.util.function.Predicate;

/**
 * A failure's chain of causes, walked the same way wherever a failure is classified (the answers to
 * callers, lost races, transient failures of a consumer).
 */
public final class Causes {
  /** How deep a chain is walked: more than any real wrapping, and an end to a chain that loops. */
  static final int MAX_DEPTH = 32;

  private Causes() {}

  /** Whether the failure or any of its causes passes the test. */
  public static boolean anyMatch(Throwable failure, Predicate<Throwable> test) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
      if (test.test(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The failure's last cause (the failure itself when it has none); on a chain deeper than {@link
   * #MAX_DEPTH} or one that loops, the cause at that depth.
   */
  public static Throwable root(Throwable failure) {
    Throwable root = failure;
    for (int depth = 1; depth < MAX_DEPTH && root.getCause() != null; depth++) {
      root = root.getCause();
    }
    return root;
  }

  /** Whether the failure or any of its causes is of the type. */
  public static boolean include(Throwable failure, Class<? extends Throwable> type) {
    return anyMatch(failure, type::isInstance);
  }
}
