package io.fraudtip.cases.core;

import io.fraudtip.cases.config.QuotaConfig;
import io.fraudtip.commons.outbox.Outbox;
import io.fraudtip.commons.sql.ArrayRows;
import io.fraudtip.contracts.Ids;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.cases.AccountRefV1;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.contracts.cases.Closure;
import io.fraudtip.contracts.cases.FreezeAuthorisationV1;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Writes what happens to a case: a timeline line and, for what others must know, a {@code cases.v1}
 * event through the outbox (every event carries all the case's tip ids, so that intake can show
 * each citizen their tip's status).
 */
@ApplicationScoped
public class CaseEvents {
  /** The actor of what the service does by itself (routing, linking, deadlines). */
  public static final String SYSTEM = "system";

  /** {@link #recordAll}'s lines, ids from the column's default (each a block of its own). */
  private static final String INSERT_LINES =
      "INSERT INTO case_timeline (case_id, at, kind, actor, unit_code, rule_id, detail)"
          + " SELECT * FROM unnest(?, CAST(? AS timestamptz[]), ?, ?, ?, ?, ?)";

  private static final int MAX_DETAIL = 4000;

  private final Outbox outbox;
  private final OutsiderLines outsiderLines;
  private final HeldLines held;
  private final EntityManager em;
  private final long maxOutsiderLinesPerDay;

  CaseEvents(
      Outbox outbox,
      OutsiderLines outsiderLines,
      HeldLines held,
      EntityManager em,
      QuotaConfig quotas) {
    this.outbox = outbox;
    this.outsiderLines = outsiderLines;
    this.held = held;
    this.em = em;
    this.maxOutsiderLinesPerDay = quotas.timeline().maxOutsiderEntriesPerDay();
  }

  /**
   * Adds a line to the case's timeline. Lines outsiders cause (tips, disputes) are bounded per case
   * and 24 hours, so that nobody can flood a unit's view of a case: past the bound the tip or
   * dispute itself is kept (and counted), only its line is left out.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(
      FraudCase c, TimelineKind kind, String actor, String ruleId, String detail, Instant at) {
    if (kind.byOutsider()) {
      if (outsiderLines.count(c.id, since(at)) >= maxOutsiderLinesPerDay) {
        return;
      }
      outsiderLines.added(c.id);
    }
    if (held.holding()) {
      held.add(new Line(c.id, c.unitCode, kind, actor, ruleId, detail, at));
      return;
    }
    TimelineEntry entry = new TimelineEntry();
    entry.caseId = c.id;
    entry.at = at;
    entry.kind = kind.name();
    entry.actor = actor;
    entry.unitCode = c.unitCode;
    entry.ruleId = ruleId;
    entry.detail = bounded(detail);
    entry.persist();
  }

  /**
   * Holds the lines {@link #record} adds from now on in this transaction, to be written at once by
   * {@link #writeHeldLines}, which the caller must call before it commits. Nothing reads the
   * timeline in a batch of tips, which holds them.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void holdLines() {
    held.hold();
  }

  /** Writes the lines held since {@link #holdLines}, in their order, and holds no more. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void writeHeldLines() {
    insert(held.release());
  }

  /** A line for {@link #recordAll}: the case as its id and unit, then as {@link #record} takes. */
  public record Line(
      UUID caseId,
      String unitCode,
      TimelineKind kind,
      String actor,
      String ruleId,
      String detail,
      Instant at) {}

  /**
   * {@link #record} for many lines in one statement, where each line would take Hibernate's persist
   * and its share of the flush. Not for the lines outsiders cause: {@link #record} bounds those,
   * one at a time. The rows skip the persistence context: a query in the same transaction sees
   * them, {@code find} does not.
   *
   * @throws IllegalArgumentException for a line of an outsider's kind
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recordAll(List<Line> lines) {
    for (Line l : lines) {
      if (l.kind().byOutsider()) {
        throw new IllegalArgumentException(l.kind() + " lines are bounded: record them one by one");
      }
    }
    if (held.holding()) {
      lines.forEach(held::add);
      return;
    }
    insert(lines);
  }

  private void insert(List<Line> lines) {
    if (lines.isEmpty()) {
      return;
    }
    em.unwrap(Session.class)
        .doWork(
            c ->
                ArrayRows.execute(
                    c,
                    INSERT_LINES,
                    lines,
                    ArrayRows.column("uuid", Line::caseId),
                    ArrayRows.instant(Line::at),
                    ArrayRows.column("text", (Line l) -> l.kind().name()),
                    ArrayRows.column("text", Line::actor),
                    ArrayRows.column("text", Line::unitCode),
                    ArrayRows.column("text", Line::ruleId),
                    ArrayRows.column("text", (Line l) -> bounded(l.detail()))));
  }

  private static String bounded(String detail) {
    return detail == null || detail.length() <= MAX_DETAIL
        ? detail
        : detail.substring(0, MAX_DETAIL);
  }

  /**
   * Reads, in one query, the outsider lines of cases a batch is about to add lines to at {@code at}
   * (see {@link #record}), where each case's first line would read its own.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void countOutsiderLines(Collection<UUID> caseIds, Instant at) {
    outsiderLines.countAll(caseIds, since(at));
  }

  /** A case this transaction opened: it has no stored lines to count (see {@link #record}). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void openedHere(FraudCase c) {
    outsiderLines.none(c.id);
  }

  /** Publishes an event about the case on cases.v1. */
  @Transactional(Transactional.TxType.MANDATORY)
  public UUID publish(FraudCase c, CaseEventKind kind, Extra extra) {
    return publish(c, kind, extra, CaseTip.idsOfCase(c.id));
  }

  /**
   * {@link #publish(FraudCase, CaseEventKind, Extra)} with the case's tip ids (in the order
   * received) read already: a batch of tips reads those of all its cases in one query, not one per
   * event.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public UUID publish(FraudCase c, CaseEventKind kind, Extra extra, List<UUID> tipIds) {
    UUID eventId = Ids.next();
    CaseEventV1 event =
        new CaseEventV1(
            eventId,
            c.id,
            c.reference,
            kind,
            c.updatedAt,
            c.status,
            c.unitCode,
            extra.ruleId(),
            tipIds,
            extra.mergedCaseIds(),
            extra.accounts(),
            extra.closure(),
            extra.note(),
            extra.tracedByBankBin(),
            extra.authorisation());
    return outbox.publish(Topics.CASES_V1, c.id.toString(), kind.cloudEventType(), eventId, event);
  }

  /** The start of the day the bound on outsider lines counts. */
  private static Instant since(Instant at) {
    return at.minus(Duration.ofDays(1));
  }

  /** The optional parts of a case event. */
  public record Extra(
      String ruleId,
      List<UUID> mergedCaseIds,
      List<AccountRefV1> accounts,
      Closure closure,
      String note,
      String tracedByBankBin,
      FreezeAuthorisationV1 authorisation) {
    /** The parts of most kinds: no tracing bank, no authorisation. */
    public Extra(
        String ruleId,
        List<UUID> mergedCaseIds,
        List<AccountRefV1> accounts,
        Closure closure,
        String note) {
      this(ruleId, mergedCaseIds, accounts, closure, note, null, null);
    }

    public static final Extra NONE = new Extra(null, List.of(), List.of(), null, null);

    public static Extra rule(String ruleId) {
      return new Extra(ruleId, List.of(), List.of(), null, null);
    }

    public static Extra merged(List<UUID> mergedCaseIds, String note) {
      return new Extra(null, mergedCaseIds, List.of(), null, note);
    }

    public static Extra note(String note) {
      return new Extra(null, List.of(), List.of(), null, note);
    }

    public static Extra accounts(List<AccountRefV1> accounts, String note) {
      return new Extra(null, List.of(), accounts, null, note);
    }

    /** Accounts traced by a bank's answer (ACCOUNT_TRACED). */
    public static Extra traced(List<AccountRefV1> accounts, String tracedByBankBin, String note) {
      return new Extra(null, List.of(), accounts, null, note, tracedByBankBin, null);
    }

    /** Accounts a police request asked to freeze (FREEZE_REQUESTED). */
    public static Extra freeze(
        List<AccountRefV1> accounts,
        String tracedByBankBin,
        FreezeAuthorisationV1 authorisation,
        String note) {
      return new Extra(null, List.of(), accounts, null, note, tracedByBankBin, authorisation);
    }
  }
}
