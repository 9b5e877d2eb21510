package io.fraudtip.contracts.allowlist;

import io.fraudtip.contracts.tips.IdentifierType;
import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code allow-list.v1}: an operator put an identifier on the allow-list or took it off
 * (SPEC §5: allow-listed identifiers never link cases and are never alerted). Keyed by {@link
 * #key}, so that the changes of one entry stay in order; a reader keeps the latest change of each
 * entry by {@link #changedAt}.
 *
 * @param eventId id of this event (also the CloudEvent id)
 * @param type the identifier's type
 * @param value the entry's value as case-service stores it: canonical, a bank account as {@code
 *     BIN:number}, a domain without a leading {@code www.}
 * @param listed true when the entry was added, false when it was removed
 * @param changedAt when the entry was added or removed
 */
public record AllowListChangedV1(
    UUID eventId, IdentifierType type, String value, boolean listed, Instant changedAt) {

  /** Longest record key the outboxes store. */
  static final int KEY_LENGTH = 100;

  /**
   * The record key of an entry's changes: {@code TYPE|value}, cut to {@value #KEY_LENGTH}
   * characters (a long URL). The key only keeps one entry's changes in one partition, in order: two
   * entries that share it are merely ordered together.
   */
  public static String key(IdentifierType type, String value) {
    String key = type.name() + "|" + value;
    // Characters as PostgreSQL counts them (code points), as the outboxes' migrations cut them.
    return key.codePointCount(0, key.length()) <= KEY_LENGTH
        ? key
        : key.substring(0, key.offsetByCodePoints(0, KEY_LENGTH));
  }
}
