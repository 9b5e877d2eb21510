package io.fraudtip.cases.core;

/** A change the case's state machine does not allow. */
public class IllegalTransitionException extends RuntimeException {
  public IllegalTransitionException(CaseStage from, CaseStage to) {
    super("A case cannot go from " + from + " to " + to, null, false, false);
  }
}
