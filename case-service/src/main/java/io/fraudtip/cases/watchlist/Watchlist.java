package io.fraudtip.cases.watchlist;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fraudtip.cases.api.WatchlistViews.Item;
import io.fraudtip.cases.api.WatchlistViews.Match;
import io.fraudtip.cases.api.WatchlistViews.Result;
import io.fraudtip.cases.api.WatchlistViews.RiskLevel;
import io.fraudtip.cases.config.TrustConfig;
import io.fraudtip.cases.config.WatchlistConfig;
import io.fraudtip.cases.trust.EvidenceAdded;
import io.fraudtip.cases.trust.EvidenceKind;
import io.fraudtip.cases.trust.Fact;
import io.fraudtip.cases.trust.TrustModel;
import io.fraudtip.cases.trust.TrustModel.Assessment;
import io.fraudtip.commons.identifiers.IdentifierNormaliser;
import io.fraudtip.commons.problem.FieldError;
import io.fraudtip.commons.problem.InvalidValue;
import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.commons.problem.ProblemMessages;
import io.fraudtip.commons.time.Timestamps;
import io.fraudtip.contracts.cases.CaseStatus;
import io.fraudtip.contracts.tips.IdentifierType;
import io.fraudtip.contracts.tips.IdentifierV1;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The watchlist check, on the hot path of banks' transfers: one indexed query per batch (the
 * identifiers go in as two arrays joined on the (type, value) index of their evidence), no ORM, no
 * transaction beyond the statement; the level, the listing and the reasons come from {@link
 * TrustModel}, in Java. Answers per identifier are kept for a couple of seconds (see {@link
 * WatchlistConfig#cacheTtl()}): banks screen the same accounts again and again, and the database
 * round trip is most of the cost of a check. An answer asked again in the second half of its life
 * is read again in the background by the next poll (one statement for all of them), so the answers
 * banks keep asking never expire on a request's path: a single check then stays on the event loop.
 * Identifiers that {@link ListedIdentifiers} knows have no evidence are answered from memory and
 * never go to the query.
 *
 * <p>Values are looked up in the platform's normal form ({@link IdentifierNormaliser}, the one
 * intake stores them in), and a URL also by its registrable domain: a victim's link to another page
 * of a listed site is listed; the answer says which form matched.
 */
@ApplicationScoped
public class Watchlist {
  private static final Logger LOG = Logger.getLogger(Watchlist.class);

  /** Most identifiers a statement looks up (the batch endpoint's own bound). */
  private static final int MAX_PER_QUERY = 1_000;

  /**
   * The evidence of the identifiers asked (SPEC §10), each row with the case it was recorded in,
   * and the live case that holds the identifier now (retired rows of unfounded cases hold nothing).
   */
  private static final String CHECK =
      "SELECT q.type, q.value, e.kind, e.at, e.tip_id, e.reporter_key, e.client_key,"
          + " e.address_key, e.verified, e.with_transfers, e.actor, e.layer, e.note,"
          + " ec.reference, live.reference, live.status, i.delisted_at"
          + " FROM unnest(?::text[], ?::text[]) AS q(type, value)"
          + " JOIN identifier_evidence e ON e.type = q.type AND e.value = q.value AND e.at > ?"
          + " LEFT JOIN fraud_case ec ON ec.id = e.case_id"
          + " LEFT JOIN case_identifier i"
          + " ON i.type = q.type AND i.value = q.value AND i.retired_at IS NULL"
          + " LEFT JOIN fraud_case live ON live.id = i.case_id"
          + " ORDER BY e.at, e.id";

  private final DataSource dataSource;
  private final IdentifierNormaliser normaliser;
  private final TrustConfig trust;
  private final ListedIdentifiers view;

  /**
   * Checks (single or batch) that queried the database on their own path, a statement each; the
   * answers read again in the background are {@link #readAgain}.
   */
  private final Counter queries;

  /** Checks answered without the database, on the event loop and elsewhere. */
  private final Counter memoryOnEventLoop;

  private final Counter memoryElsewhere;

  /** Cached answers read again in the background before they expired. */
  private final Counter readAgain;

  /** Full answers (with case fields) by type|canonical value; null when the cache is off. */
  private final Cache<String, Cached> recent;

  /** Identifiers whose answers were asked past {@link #readAgainAfter}, for the next poll. */
  private final Set<IdentifierV1> due = ConcurrentHashMap.newKeySet();

  /** How long (ns) an answer is given after the statement that read it began. */
  private final long ttl;

  /**
   * An answer's age (ns) from which a check marks it {@link #due}: half of what its life leaves
   * after one poll interval, so that the poll reads it again with time to spare before it expires.
   */
  private final long readAgainAfter;

  /** An answer and when the statement that read it began ({@link System#nanoTime()}). */
  private record Cached(Result result, long readAt) {}

  Watchlist(
      DataSource dataSource,
      WatchlistConfig config,
      TrustConfig trust,
      ListedIdentifiers view,
      IdentifierNormaliser normaliser,
      MeterRegistry registry) {
    this.dataSource = dataSource;
    this.normaliser = normaliser;
    this.trust = trust;
    this.view = view;
    this.queries =
        Counter.builder("fraudtip.watchlist.queries")
            .description("Watchlist checks (single or batch) that queried the database")
            .register(registry);
    this.memoryOnEventLoop = memoryAnswers(registry, "event-loop");
    this.memoryElsewhere = memoryAnswers(registry, "worker");
    this.readAgain =
        Counter.builder("fraudtip.watchlist.read-again")
            .description(
                "Cached watchlist answers read again in the background before they expired")
            .register(registry);
    this.readAgainAfter =
        Math.max(0, config.cacheTtl().minus(config.refreshInterval()).toNanos() / 2);
    this.ttl = config.cacheTtl().toNanos();
    // The answer's own read time decides its age (see cached): Caffeine keeps an entry's write time
    // when it is replaced within a second of the last write, so its expiry only evicts, later.
    this.recent =
        config.cacheTtl().isZero()
            ? null
            : Caffeine.newBuilder()
                .expireAfterWrite(config.cacheTtl().multipliedBy(2).plusSeconds(1))
                .maximumSize(config.cacheSize())
                .build();
  }

  /**
   * Forgets the cached answer of an identifier whose evidence changed, once the change committed:
   * on this instance a closure, a dispute or a new report shows at the next check; other instances
   * within the cache's time to live.
   */
  void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) EvidenceAdded added) {
    forget(added.type(), added.value());
  }

  /** Forgets the cached answer of an identifier delisted with no evidence (an allow-listing). */
  void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) ListingChanged changed) {
    forget(changed.type(), changed.value());
  }

  private void forget(IdentifierType type, String value) {
    if (recent != null) {
      recent.invalidate(type.name() + "|" + value);
    }
  }

  private static Counter memoryAnswers(MeterRegistry registry, String thread) {
    return Counter.builder("fraudtip.watchlist.memory.answers")
        .description("Watchlist checks (single or batch) answered without the database")
        .tag("thread", thread)
        .register(registry);
  }

  /**
   * Re-reads the evidence written since the last time (by any instance) into the view, and forgets
   * the cached answers of the identifiers new to it: a listing on another instance shows here
   * within the interval; other changes within the cache's time to live. Then reads again the
   * answers asked in the second half of their life.
   */
  @Scheduled(
      every = "${fraudtip.watchlist.refresh-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void refresh() {
    List<String> keys = view.refresh();
    if (recent != null) {
      recent.invalidateAll(keys);
      readDueAgain();
    }
  }

  /** Reads the {@link #due} answers again, a statement per thousand. */
  private void readDueAgain() {
    List<IdentifierV1> forms = new ArrayList<>();
    for (IdentifierV1 form : due) {
      if (due.remove(form)) {
        forms.add(form);
      }
    }
    for (int from = 0; from < forms.size(); from += MAX_PER_QUERY) {
      List<IdentifierV1> chunk = forms.subList(from, Math.min(forms.size(), from + MAX_PER_QUERY));
      long readAt = System.nanoTime();
      Map<String, Result> fresh;
      try {
        fresh = query(chunk);
      } catch (RuntimeException e) {
        // The answers expire as they would have; the checks after that query for them.
        LOG.warnf("Watchlist answers not read again: %s", e.getMessage());
        return;
      }
      // Only over an answer read before this statement: one forgotten meanwhile (new evidence
      // committed) stays forgotten, one read anew by a check stays.
      fresh.forEach(
          (key, r) ->
              recent
                  .asMap()
                  .computeIfPresent(
                      key, (k, old) -> old.readAt() < readAt ? new Cached(r, readAt) : old));
      readAgain.increment(chunk.size());
    }
  }

  /**
   * The cached answer, marked {@link #due} when it is old enough; null when there is none (or the
   * cache is off).
   *
   * @param key the form's {@link #key}
   */
  private Result cached(IdentifierV1 form, String key) {
    if (recent == null) {
      return null;
    }
    Cached c = recent.getIfPresent(key);
    if (c == null) {
      return null;
    }
    long age = System.nanoTime() - c.readAt();
    if (age >= ttl) {
      return null;
    }
    if (age >= readAgainAfter) {
      due.add(form);
    }
    return c.result();
  }

  /**
   * The answers when none needs the database (every identifier unknown to the view or cached), for
   * the event loop; empty when the caller must {@link #check} on a worker thread.
   *
   * @param withCases whether to name the cases (banks and police)
   * @throws Unreadable naming the first item no form of its type reads
   */
  public Optional<List<Result>> fromMemory(List<Item> items, boolean withCases) {
    List<Result> results = new ArrayList<>(items.size());
    for (int n = 0; n < items.size(); n++) {
      List<IdentifierV1> forms = forms(items, n);
      Result[] byForm = new Result[forms.size()];
      for (int i = 0; i < byForm.length; i++) {
        IdentifierV1 form = forms.get(i);
        if (!view.mayBeListed(form.type(), form.value())) {
          byForm[i] = notListed(form.type(), form.value());
        } else if ((byForm[i] = cached(form, key(form))) == null) {
          return Optional.empty();
        }
      }
      Result r = answer(forms, i -> byForm[i]);
      results.add(withCases ? r : r.withoutCases());
    }
    (Context.isOnEventLoopThread() ? memoryOnEventLoop : memoryElsewhere).increment();
    return Optional.of(results);
  }

  /** How many checks queried the database since start (a statement each). */
  public long queries() {
    return (long) queries.count();
  }

  /** How many cached answers were read again in the background since start. */
  public long answersReadAgain() {
    return (long) readAgain.count();
  }

  /** How many checks were answered from memory on an event-loop thread since start. */
  public long memoryAnswersOnEventLoop() {
    return (long) memoryOnEventLoop.count();
  }

  /**
   * Checks identifiers as callers typed them.
   *
   * @param withCases whether to name the cases (banks and police)
   * @return one result per item, in order
   * @throws Unreadable naming every item no form of its type reads
   */
  public List<Result> check(List<Item> items, boolean withCases) {
    return check(items, withCases, true);
  }

  /**
   * Checks identifiers as the database holds them (a dispute's, a case's): a value stored under an
   * older reading is looked up as stored, never refused.
   *
   * @param withCases whether to name the cases (banks and police)
   * @return one result per item, in order
   */
  public List<Result> checkStored(List<Item> items, boolean withCases) {
    return check(items, withCases, false);
  }

  private List<Result> check(List<Item> items, boolean withCases, boolean typed) {
    List<List<IdentifierV1>> asked = new ArrayList<>(items.size());
    Map<String, Result> found = new HashMap<>();
    List<IdentifierV1> toRead = new ArrayList<>();
    Unreadable unreadable = null;
    for (int n = 0; n < items.size(); n++) {
      List<IdentifierV1> forms;
      try {
        forms =
            typed
                ? forms(items, n)
                : normaliser.lookupForms(items.get(n).type(), items.get(n).value());
      } catch (Unreadable e) {
        unreadable = unreadable == null ? e : unreadable.with(e);
        continue;
      }
      if (unreadable != null) {
        // Refused whole: the rest is only read for its own errors.
        continue;
      }
      asked.add(forms);
      for (IdentifierV1 form : forms) {
        String key = key(form);
        if (found.containsKey(key)) {
          continue;
        }
        Result cached = cached(form, key);
        if (cached != null) {
          found.put(key, cached);
        } else if (!view.mayBeListed(form.type(), form.value())) {
          found.put(key, notListed(form.type(), form.value()));
        } else {
          found.put(key, null);
          toRead.add(form);
        }
      }
    }
    if (unreadable != null) {
      throw unreadable;
    }
    if (!toRead.isEmpty()) {
      queries.increment();
      long readAt = System.nanoTime();
      Map<String, Result> fresh = query(toRead);
      found.putAll(fresh);
      if (recent != null) {
        fresh.forEach((key, r) -> recent.put(key, new Cached(r, readAt)));
      }
    }
    List<Result> results = new ArrayList<>(items.size());
    for (List<IdentifierV1> forms : asked) {
      Result r = answer(forms, i -> found.get(key(forms.get(i))));
      results.add(withCases ? r : r.withoutCases());
    }
    return results;
  }

  /**
   * The answer for an identifier from the answers of its forms (a URL's and its domain's): the
   * listed form with the highest level, the most specific on a tie, named in {@code matchedOn};
   * when none is listed, the first form's answer.
   *
   * @param byForm the answer of each form, by its index in {@code forms}
   */
  private static Result answer(List<IdentifierV1> forms, IntFunction<Result> byForm) {
    IdentifierV1 asked = forms.get(0);
    int best = -1;
    Result bestResult = null;
    for (int i = 0; i < forms.size(); i++) {
      Result r = byForm.apply(i);
      if (r.listed()
          && (bestResult == null || r.riskLevel().ordinal() > bestResult.riskLevel().ordinal())) {
        best = i;
        bestResult = r;
      }
    }
    if (bestResult == null) {
      return byForm.apply(0);
    }
    IdentifierV1 matched = forms.get(best);
    return bestResult.as(asked.type(), asked.value(), new Match(matched.type(), matched.value()));
  }

  private static String key(IdentifierV1 form) {
    return form.type().name() + "|" + form.value();
  }

  /** The answers of these identifiers, by key, in one statement (not listed: no evidence). */
  private Map<String, Result> query(List<IdentifierV1> forms) {
    Instant now = Timestamps.now();
    Map<String, Listing> listings = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(CHECK)) {
      s.setArray(1, c.createArrayOf("text", forms.stream().map(f -> f.type().name()).toArray()));
      s.setArray(2, c.createArrayOf("text", forms.stream().map(IdentifierV1::value).toArray()));
      s.setTimestamp(3, Timestamp.from(now.minus(trust.maxAge())));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String key = rs.getString(1) + "|" + rs.getString(2);
          Listing listing =
              listings.computeIfAbsent(
                  key, k -> new Listing(new ArrayList<>(), new String[2], new boolean[1]));
          listing.facts().add(fact(rs));
          listing.liveCase()[0] = rs.getString(15);
          listing.liveCase()[1] = rs.getString(16);
          listing.delisted()[0] = rs.getTimestamp(17) != null;
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("watchlist check failed", e);
    }
    Map<String, Result> found = new HashMap<>();
    for (IdentifierV1 form : forms) {
      Listing listing = listings.get(key(form));
      found.put(
          key(form),
          listing == null
              ? notListed(form.type(), form.value())
              : result(form.type(), form.value(), listing, now));
    }
    return found;
  }

  /** The rows of one identifier: its evidence, its live case (reference, status), delisted. */
  private record Listing(List<Fact> facts, String[] liveCase, boolean[] delisted) {}

  private Result result(IdentifierType type, String value, Listing listing, Instant now) {
    Assessment a = TrustModel.assess(listing.facts(), now, trust);
    // Allow-listed or disputed rows are off the list whatever the evidence says.
    boolean listed = a.listed() && !listing.delisted()[0];
    return new Result(
        type,
        value,
        listed,
        listed ? a.reportCount() : 0,
        listed ? a.firstReportedAt() : null,
        listed ? a.level() : RiskLevel.NONE,
        listed ? listing.liveCase()[0] : null,
        listed && listing.liveCase()[1] != null ? CaseStatus.valueOf(listing.liveCase()[1]) : null,
        a.independentSources(),
        a.counts(),
        a.reasons(),
        null);
  }

  private static Fact fact(ResultSet rs) throws SQLException {
    Timestamp at = rs.getTimestamp(4);
    int layer = rs.getInt(12);
    boolean noLayer = rs.wasNull();
    return new Fact(
        EvidenceKind.valueOf(rs.getString(3)),
        at.toInstant(),
        rs.getObject(5, UUID.class),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getBoolean(9),
        rs.getBoolean(10),
        rs.getString(11),
        noLayer ? null : layer,
        rs.getString(13),
        rs.getString(14));
  }

  private static Result notListed(IdentifierType type, String value) {
    return new Result(
        type, value, false, 0, null, RiskLevel.NONE, null, null, null, null, null, null);
  }

  /**
   * The forms an item is checked by.
   *
   * @param n the item's place in the request
   * @throws Unreadable when no form of its type reads it, or it is an account without its bank
   */
  private List<IdentifierV1> forms(List<Item> items, int n) {
    Item item = items.get(n);
    if (withoutBank(item.type(), item.value())) {
      throw Unreadable.of(n, "account.bank-required");
    }
    try {
      return normaliser.checkForms(item.type(), item.value());
    } catch (InvalidValue e) {
      // Stored under an older reading (a shared platform's home page before those were refused, a
      // number a newer libphonenumber refuses, an account at a bank since gone from the directory):
      // still answered as stored.
      List<IdentifierV1> asTyped = normaliser.lookupForms(item.type(), item.value());
      IdentifierV1 form = asTyped.get(0);
      if (view.mayBeListed(form.type(), form.value())) {
        return asTyped;
      }
      boolean account = item.type() == IdentifierType.BANK_ACCOUNT;
      throw Unreadable.of(
          n, account && !ACCOUNT_ERRORS.containsKey(e.code()) ? "account.invalid" : e.code());
    }
  }

  /**
   * Items that no form of their type reads: a phone that is no number, a URL without a host, a
   * domain under no public suffix, a shared platform alone, a bank account without its bank or at a
   * bank the directory does not know. Intake stores no such value, so "not listed" would be a false
   * all-clear for what the caller meant (a typo); the answer is a 400 naming each one.
   */
  public static final class Unreadable extends RuntimeException {
    private final Map<Integer, String> codes = new TreeMap<>();

    private Unreadable() {
      super(null, null, false, false);
    }

    private static Unreadable of(int item, String code) {
      Unreadable e = new Unreadable();
      e.codes.put(item, code);
      return e;
    }

    /** This one with another's items. */
    private Unreadable with(Unreadable other) {
      codes.putAll(other.codes);
      return this;
    }

    /**
     * The 400 naming each item.
     *
     * @param field the request's field of an item by its place ({@code value}, {@code
     *     items[3].value})
     */
    public ProblemException problem(IntFunction<String> field) {
      List<FieldError> errors = new ArrayList<>();
      codes.forEach(
          (item, code) -> errors.add(new FieldError(field.apply(item), code, message(code))));
      return ProblemException.invalid(errors);
    }

    /** In both languages, as the account errors: the check's callers are people and banks. */
    private static String message(String code) {
      String account = ACCOUNT_ERRORS.get(code);
      return account != null
          ? account
          : ProblemMessages.message(ProblemMessages.VIETNAMESE, code)
              + " / "
              + ProblemMessages.message(Locale.ENGLISH, code);
    }
  }

  /**
   * Refuses, as the check does, a value its type does not read or an account without its bank (400
   * on {@code value}): a request about it could only be answered "no such listing".
   */
  public void requireReadable(IdentifierType type, String value) {
    try {
      forms(List.of(new Item(type, value)), 0);
    } catch (Unreadable e) {
      throw e.problem(item -> "value");
    }
  }

  private static final Map<String, String> ACCOUNT_ERRORS =
      Map.of(
          "account.bank-required",
          "Cần ghi ngân hàng trước số tài khoản / name the bank before the account number:"
              + " BIN or bank code, then ':' (970436:0123456789, VCB:0123456789)",
          "bank.unknown",
          "Không có ngân hàng với tên, mã hoặc BIN này / no bank in the directory has this name,"
              + " code or BIN",
          "account.invalid",
          "Số tài khoản không hợp lệ / not an account number");

  /**
   * Why a value typed as a bank account cannot be checked, or null when it can (or is not an
   * account): no bank, a bank the directory does not know (a typo, the parts swapped), or no
   * account number. Looked up as typed, such a value would be answered "not listed" whatever the
   * account: a false all-clear before a transfer.
   */
  public static String accountError(IdentifierType type, String value) {
    if (type != IdentifierType.BANK_ACCOUNT || value == null) {
      return null;
    }
    if (withoutBank(type, value)) {
      return "account.bank-required";
    }
    try {
      IdentifierNormaliser.standard().bankAccount(value);
      return null;
    } catch (InvalidValue e) {
      return ACCOUNT_ERRORS.containsKey(e.code()) ? e.code() : "account.invalid";
    }
  }

  /**
   * A query's value as the caller meant it: a phone number's leading {@code +} sent unencoded in a
   * query string reads as a space ({@code ?value=+85512345678}), and a foreign number without it
   * would be read as a Vietnamese one and never match.
   */
  public static String queryValue(IdentifierType type, String value) {
    if (type == IdentifierType.PHONE
        && value != null
        && value.length() > 1
        && value.charAt(0) == ' '
        && Character.isDigit(value.charAt(1))) {
      return "+" + value.substring(1);
    }
    return value;
  }

  /**
   * Whether a value typed as a bank account names no bank: accounts are listed at their bank, so
   * such a check would be answered "not listed" whatever the account.
   */
  public static boolean withoutBank(IdentifierType type, String value) {
    return type == IdentifierType.BANK_ACCOUNT && value != null && value.indexOf(':') < 0;
  }

  /**
   * The canonical form intake stores identifiers in, for values typed by people (a URL's own form,
   * not its domain); a value that is not valid for its type is kept as typed, trimmed.
   */
  public static String canonical(IdentifierType type, String raw) {
    return IdentifierNormaliser.standard().canonical(type, raw);
  }
}
