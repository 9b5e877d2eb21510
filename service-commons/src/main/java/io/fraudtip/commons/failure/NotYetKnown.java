package io.fraudtip.commons.failure;

/**
 * A record that names something this service has not taken in yet, from another topic that is about
 * to bring it (a bank's answer to the alert of a tip not linked into a case yet): transient, so a
 * consumer tries it again for a while before the dead-letter topic.
 */
public class NotYetKnown extends RuntimeException {
  public NotYetKnown(String message) {
    super(message);
  }
}
