package io.fraudtip.contracts.cases;

/**
 * How a police unit closed a case ({@code closure} of a CLOSED event on cases.v1).
 *
 * <p>Read from an event, a closure this reader does not know reads as {@code null} (logged): the
 * reader then treats the case as closed without a verdict, which moves no alert either way.
 */
public enum Closure {
  /** Fraud confirmed: the identifiers stay on the watchlist. */
  CONFIRMED,
  /** No fraud: the case's identifiers leave the watchlist and alerts are retracted. */
  UNFOUNDED
}
