package io.fraudtip.commons.problem;

/** A failure's chain of causes, as the answers to failures read it. */
final class Causes {
  private Causes() {}

  /** Whether the failure or any of its causes is of the type. */
  static boolean include(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
