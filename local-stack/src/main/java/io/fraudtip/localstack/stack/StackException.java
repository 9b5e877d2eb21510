package io.fraudtip.localstack.stack;

/** A failure to start the stack that the user can act on; its message says what to do. */
public class StackException extends RuntimeException {
  public StackException(String message) {
    super(message);
  }

  public StackException(String message, Throwable cause) {
    super(message, cause);
  }
}
