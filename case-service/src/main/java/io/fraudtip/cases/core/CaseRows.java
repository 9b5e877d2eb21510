package io.fraudtip.cases.core;

import java.util.UUID;

/**
 * The rows a feature keeps under a case id, which follow the case when it is merged into another.
 * Each feature that owns such rows registers one bean; a merge moves them all, in the beans' {@link
 * jakarta.annotation.Priority} order (highest first).
 */
public interface CaseRows {
  /** Moves the rows of case {@code from} to case {@code into}, in the merging transaction. */
  void move(UUID from, UUID into);
}
