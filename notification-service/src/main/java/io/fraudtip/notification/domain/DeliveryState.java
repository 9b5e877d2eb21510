package io.fraudtip.notification.domain;

/** Where a delivery stands. */
public enum DeliveryState {
  /** Waiting for its next attempt (next_attempt_at). */
  PENDING,
  /** A 2xx answer was received. */
  SUCCEEDED,
  /** The schedule ran out, or the endpoint is gone; a replay can start it again. */
  FAILED
}
