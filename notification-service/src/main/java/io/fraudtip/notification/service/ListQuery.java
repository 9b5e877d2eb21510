package io.fraudtip.notification.service;

import io.fraudtip.commons.problem.FieldError;
import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.commons.time.Timestamps;
import io.fraudtip.contracts.banks.AccountNumbers;
import io.quarkus.panache.common.Parameters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The filters and page of a bank's alert or delivery list, checked once for both: newest first in a
 * stable order, (createdAt, id) descending, and an opaque cursor naming the last row of a page, so
 * that rows written meanwhile never shift a page (a new row is newer than any cursor).
 *
 * @param type an event type
 * @param state a state, in upper case
 * @param account an account number, normalised
 * @param since rows created at or after it
 * @param after the last row of the previous page
 * @param limit rows per page
 */
public record ListQuery(
    Optional<String> type,
    Optional<String> state,
    Optional<String> account,
    Optional<Instant> since,
    Optional<Cursor> after,
    int limit) {

  /** A page, and the cursor of the next one (null on the last). */
  public record Page<T>(List<T> items, String nextCursor) {}

  /** A row's place in the order. */
  public record Cursor(Instant createdAt, UUID id) {
    private static final String VERSION = "1";

    String encode() {
      String plain = VERSION + "|" + createdAt + "|" + id;
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String cursor) {
      try {
        String[] p =
            new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
        if (p.length != 3 || !VERSION.equals(p[0])) {
          throw new IllegalArgumentException(cursor);
        }
        return new Cursor(Timestamps.asFilterBound(Instant.parse(p[1])), UUID.fromString(p[2]));
      } catch (IllegalArgumentException | DateTimeParseException e) {
        return null;
      }
    }
  }

  /**
   * The filters as the caller sent them, or a 400 naming every bad one.
   *
   * @param types the event types the list knows
   * @param states the states the list knows
   */
  public static ListQuery of(
      String type,
      Collection<String> types,
      String state,
      Collection<String> states,
      String account,
      String since,
      String cursor,
      int limit) {
    List<FieldError> errors = new ArrayList<>();
    if (type != null && !types.contains(type)) {
      errors.add(new FieldError("type", "type.unknown", "Unknown event type; one of " + types));
    }
    String upperState = state == null ? null : state.toUpperCase(java.util.Locale.ROOT);
    if (state != null && !states.contains(upperState)) {
      errors.add(new FieldError("state", "state.unknown", "Unknown state; one of " + states));
    }
    String normalised = account == null ? null : AccountNumbers.normalise(account);
    if (account != null && !AccountNumbers.valid(normalised)) {
      errors.add(
          new FieldError(
              "account", "account.invalid", "An account number: 4 to 30 digits and letters"));
    }
    Instant from = null;
    if (since != null) {
      try {
        from = Timestamps.asFilterBound(Instant.parse(since));
      } catch (DateTimeParseException e) {
        errors.add(
            new FieldError(
                "since", "time.invalid", "An ISO-8601 instant, e.g. 2026-11-29T08:00:00Z"));
      }
    }
    Cursor after = cursor == null ? null : Cursor.decode(cursor);
    if (cursor != null && after == null) {
      errors.add(
          new FieldError(
              "cursor",
              "cursor.invalid",
              "Not a cursor this list gave: pass nextCursor back unchanged"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return new ListQuery(
        Optional.ofNullable(type),
        Optional.ofNullable(upperState),
        Optional.ofNullable(normalised),
        Optional.ofNullable(from),
        Optional.ofNullable(after),
        limit);
  }

  /**
   * Adds the cursor's and the since filter's clauses, on an entity with {@code createdAt} and
   * {@code id}, and returns the query's tail: the order.
   */
  String pageClauses(List<String> where, Parameters params) {
    since.ifPresent(
        s -> {
          where.add("createdAt >= :since");
          params.and("since", s);
        });
    after.ifPresent(
        c -> {
          where.add("(createdAt < :afterAt or (createdAt = :afterAt and id < :afterId))");
          params.and("afterAt", c.createdAt()).and("afterId", c.id());
        });
    return " order by createdAt desc, id desc";
  }

  /** The page of rows read with {@code limit + 1}: the extra row only says another page follows. */
  <R, T> Page<T> page(
      List<R> rows,
      java.util.function.Function<R, T> view,
      java.util.function.Function<R, Cursor> place) {
    boolean more = rows.size() > limit;
    List<R> shown = more ? rows.subList(0, limit) : rows;
    String next = more ? place.apply(shown.get(shown.size() - 1)).encode() : null;
    return new Page<>(shown.stream().map(view).toList(), next);
  }
}
