package io.fraudtip.localstack.demo;

/** A step of a story that did not happen as the story expects; the message says which. */
public final class StoryFailure extends RuntimeException {
  public StoryFailure(String message) {
    super(message);
  }

  public StoryFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
