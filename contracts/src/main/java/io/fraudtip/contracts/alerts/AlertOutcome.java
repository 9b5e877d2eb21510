package io.fraudtip.contracts.alerts;

import java.util.ArrayList;
import java.util.List;

/**
 * What a bank did about an alert (SPEC §6), with the rules each outcome carries: what the answer
 * must give and what it does to the case. The only place these rules live: notification-service
 * checks answers with {@link #check} (with the bounds of {@link AnswerBounds}), case-service
 * applies them with {@link #holdsMoney}, {@link #restoresMoney}, {@link #onwardTransfers} and
 * {@link #supersedes}. Each rule is an exhaustive {@code switch}, so a new outcome does not compile
 * until every rule has said what it does.
 *
 * <p>One current answer per alert (SPEC §10), in each of two lines: what the bank did with the
 * money (every outcome but RESTORED: the amount it holds now, or where the money went) and what it
 * returned to victims (RESTORED: the total returned so far from what it holds). A new answer
 * supersedes the current one of its line; the case's held and restored totals are the sums of the
 * current answers, so that an answer sent again counts once.
 *
 * <p>Read from an event, an outcome this reader does not know is not guessed: it reads as {@code
 * null} (logged), the consumer refuses the record and the dead-letter topic keeps it until a reader
 * that knows the outcome replays it, since a wrong guess would move money totals.
 */
public enum AlertOutcome {
  /** The whole balance reported is held. */
  FROZEN,
  /** Part of it is held; the rest may have moved on (onward transfers optional). */
  PARTLY_FROZEN,
  /** The money left the account for others (onward transfers required). */
  MOVED_ON,
  NO_FUNDS,
  NO_SUCH_ACCOUNT,
  ACCOUNT_CLOSED,
  /** The bank watches the account; nothing held yet. */
  MONITORING,
  /** A later report of money returned to victims. */
  RESTORED;

  /** Whether onward transfers go with an outcome. */
  public enum Onward {
    /** The answer must list where the money went. */
    REQUIRED,
    /** The answer may list where the rest of the money went. */
    ALLOWED,
    /** The answer must not list onward transfers. */
    NONE
  }

  /** A rule an answer breaks: the field, a stable code and an English message. */
  public record Violation(String field, String code, String message) {}

  /**
   * Whether the answer confirms the account received the victims' money (held it, or passed it on):
   * the holding bank's confirmation of SPEC §10, which makes the account HIGH risk.
   */
  public boolean confirmsAccount() {
    return switch (this) {
      case FROZEN, PARTLY_FROZEN, MOVED_ON -> true;
      case NO_FUNDS, NO_SUCH_ACCOUNT, ACCOUNT_CLOSED, MONITORING, RESTORED -> false;
    };
  }

  /** Whether the answer gives an amount held, which adds to the case's held total. */
  public boolean holdsMoney() {
    return switch (this) {
      case FROZEN, PARTLY_FROZEN -> true;
      case MOVED_ON, NO_FUNDS, NO_SUCH_ACCOUNT, ACCOUNT_CLOSED, MONITORING, RESTORED -> false;
    };
  }

  /** Whether the answer gives an amount returned to victims, which adds to the restored total. */
  public boolean restoresMoney() {
    return switch (this) {
      case RESTORED -> true;
      case FROZEN, PARTLY_FROZEN, MOVED_ON, NO_FUNDS, NO_SUCH_ACCOUNT, ACCOUNT_CLOSED, MONITORING ->
          false;
    };
  }

  /**
   * Whether the answer lists where the money went; listed accounts join the case as the next layer
   * and their banks are asked to freeze.
   */
  public Onward onwardTransfers() {
    return switch (this) {
      case MOVED_ON -> Onward.REQUIRED;
      case PARTLY_FROZEN -> Onward.ALLOWED;
      case FROZEN, NO_FUNDS, NO_SUCH_ACCOUNT, ACCOUNT_CLOSED, MONITORING, RESTORED -> Onward.NONE;
    };
  }

  /**
   * Whether an answer with this outcome replaces an earlier answer to the same alert: when both are
   * in the same line (both RESTORED, or neither).
   */
  public boolean supersedes(AlertOutcome earlier) {
    return restoresMoney() == earlier.restoresMoney();
  }

  /**
   * {@link #check(long, long, int)}, then the bounds of what the alert says reached the account and
   * of what the bank's current answer holds ({@link AnswerBounds#check}).
   */
  public List<Violation> check(
      long frozenAmountVnd,
      long restoredAmountVnd,
      List<OnwardTransferV1> onward,
      AnswerBounds bounds) {
    List<Violation> broken = check(frozenAmountVnd, restoredAmountVnd, onward.size());
    broken.addAll(bounds.check(this, frozenAmountVnd, restoredAmountVnd, onward));
    return broken;
  }

  /**
   * The rules an answer with this outcome breaks (empty when it keeps them all): an amount held
   * where money is held and only there, an amount restored for RESTORED and only there, onward
   * transfers where required and only where they go.
   */
  public List<Violation> check(long frozenAmountVnd, long restoredAmountVnd, int onwardCount) {
    List<Violation> broken = new ArrayList<>();
    if (holdsMoney() && frozenAmountVnd <= 0) {
      broken.add(new Violation("frozenAmountVnd", "amount.required", "Give the amount frozen"));
    }
    // An amount the outcome does not count would be stored and shown beside the answer (NO_FUNDS
    // "holding" 30M) while the case's totals ignore it: refused rather than kept half-read.
    if (!holdsMoney() && frozenAmountVnd > 0) {
      broken.add(
          new Violation(
              "frozenAmountVnd",
              "amount.unexpected",
              "An amount frozen goes with " + where(AlertOutcome::holdsMoney)));
    }
    if (!restoresMoney() && restoredAmountVnd > 0) {
      broken.add(
          new Violation(
              "restoredAmountVnd",
              "amount.unexpected",
              "An amount restored goes with " + where(AlertOutcome::restoresMoney)));
    }
    if (onwardTransfers() == Onward.REQUIRED && onwardCount == 0) {
      broken.add(
          new Violation(
              "onwardTransfers", "transfers.required", "Give the transfers the money moved on by"));
    }
    if (onwardTransfers() == Onward.NONE && onwardCount > 0) {
      broken.add(
          new Violation(
              "onwardTransfers",
              "transfers.unexpected",
              "Onward transfers go with " + withOnward()));
    }
    if (restoresMoney() && restoredAmountVnd <= 0) {
      broken.add(new Violation("restoredAmountVnd", "amount.required", "Give the amount restored"));
    }
    return broken;
  }

  /** The outcomes a rule holds for: {@code FROZEN or PARTLY_FROZEN}. */
  private static String where(java.util.function.Predicate<AlertOutcome> rule) {
    List<String> names = new ArrayList<>();
    for (AlertOutcome o : values()) {
      if (rule.test(o)) {
        names.add(o.name());
      }
    }
    return String.join(" or ", names);
  }

  /** The outcomes that may list onward transfers, those that must first: {@code MOVED_ON or …}. */
  private static String withOnward() {
    List<String> names = new ArrayList<>();
    for (Onward onward : List.of(Onward.REQUIRED, Onward.ALLOWED)) {
      for (AlertOutcome o : values()) {
        if (o.onwardTransfers() == onward) {
          names.add(o.name());
        }
      }
    }
    return String.join(" or ", names);
  }
}
