package io.fraudtip.cases.freezes;

/**
 * Where a hold stands. Stored by name ({@code account_freeze.state}). An extended hold stays HELD
 * (with its extensions); LIFTED and EXPIRED are final.
 */
public enum HoldState {
  /** The bank holds the amount until the expiry (possibly extended). */
  HELD,
  /** Ended before its expiry: by the unit, or by the platform (case unfounded, upheld dispute). */
  LIFTED,
  /** Reached its expiry without an extension. */
  EXPIRED
}
