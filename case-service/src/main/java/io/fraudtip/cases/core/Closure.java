package io.fraudtip.cases.core;

/** How a police unit closed a case. */
public enum Closure {
  /** Fraud confirmed: the identifiers stay on the watchlist. */
  CONFIRMED,
  /** No fraud: the case's identifiers leave the watchlist and alerts are retracted. */
  UNFOUNDED
}
