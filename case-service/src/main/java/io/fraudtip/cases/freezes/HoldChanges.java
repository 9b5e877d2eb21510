package io.fraudtip.cases.freezes;

import io.fraudtip.cases.api.HoldRequests;
import io.fraudtip.cases.config.FreezeConfig;
import io.fraudtip.cases.core.CaseEvents;
import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.cases.core.TimelineKind;
import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.contracts.banks.BankAccount;
import io.fraudtip.contracts.cases.AccountRefV1;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.cases.FreezeAuthorisationV1;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * How a hold ends or lasts longer (SPEC §10, "Holds are bounded"): the unit extends it with a
 * stated reason, up to a bounded time from now, or lifts it; the platform lifts it when the police
 * authority behind it goes (case closed as unfounded, account delisted by an upheld dispute) and
 * {@link HoldExpiry} expires it. Each change is in the case's timeline and reaches the holding bank
 * as a case event (HOLD_EXTENDED, HOLD_LIFTED, HOLD_EXPIRED), naming the freeze request whose hold
 * it is.
 *
 * <p>Automatic lifts send HOLD_LIFTED beside the {@code alert.retracted} that the closure or the
 * delisting sends already, rather than folding "the hold is lifted" into the retraction: the
 * retraction speaks of the listing and goes for every account of the case, held or not, while a
 * bank's hold-keeping learns the end of every hold from one kind of message (hold.lifted or
 * hold.expired) whatever the cause, with the reason. Both say the same thing: the police no longer
 * ask for the money to be held. Only running holds are lifted, so no hold ends twice.
 */
@ApplicationScoped
public class HoldChanges {
  /** The reason given to banks when a case closed as unfounded lifts its holds. */
  public static final String UNFOUNDED_REASON =
      "Case closed as UNFOUNDED: the police authority to hold ends";

  /** The reason given to banks when an upheld dispute delists a held account. */
  public static final String DISPUTE_REASON =
      "Dispute upheld: the account is delisted and the police authority to hold ends";

  /** What happened to a hold: its case event and its timeline line. */
  enum Change {
    EXTENDED(CaseEventKind.HOLD_EXTENDED, TimelineKind.HOLD_EXTENDED),
    LIFTED(CaseEventKind.HOLD_LIFTED, TimelineKind.HOLD_LIFTED),
    EXPIRED(CaseEventKind.HOLD_EXPIRED, TimelineKind.HOLD_EXPIRED);

    final CaseEventKind event;
    final TimelineKind line;

    Change(CaseEventKind event, TimelineKind line) {
      this.event = event;
      this.line = line;
    }
  }

  /** The freeze request a hold is under, and whether its standing order (not the unit) named it. */
  private record Authority(UUID requestId, boolean standingOrder) {}

  private final CaseEvents events;
  private final FreezeConfig config;

  HoldChanges(CaseEvents events, FreezeConfig config) {
    this.events = events;
    this.config = config;
  }

  /** The unit extends a running hold of the case to a later expiry, with its reason. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void extend(
      FraudCase c,
      UUID holdId,
      HoldRequests.Extend request,
      String unitCode,
      String actor,
      Instant now) {
    AccountFreeze hold = running(c, holdId, now);
    Instant until = request.expiresAt().truncatedTo(ChronoUnit.MICROS);
    if (!until.isAfter(hold.holdExpiresAt)) {
      throw ProblemException.invalid(
          "expiresAt",
          "hold.expires-at.not-later",
          "The new expiry must be after the current one, " + hold.holdExpiresAt);
    }
    if (until.isAfter(now.plus(config.maxExtension()))) {
      throw ProblemException.invalid(
          "expiresAt",
          "hold.expires-at.too-far",
          "A hold is extended at most "
              + config.maxExtension().toDays()
              + " days from now (fraudtip.freezes.max-extension); longer needs a new decision");
    }
    Instant was = hold.holdExpiresAt;
    hold.extend(until, request.reason(), unitCode, actor, now).persist();
    announce(
        c,
        Change.EXTENDED,
        actor,
        List.of(hold),
        request.reason(),
        " extended to " + until + " (was " + was + "): " + request.reason(),
        "Hold extended by " + unitCode + " until " + until,
        now);
  }

  /** The unit lifts a running hold of the case, with its reason. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void lift(
      FraudCase c, UUID holdId, String reason, String unitCode, String actor, Instant now) {
    AccountFreeze hold = running(c, holdId, now);
    hold.end(HoldState.LIFTED, reason, actor, now);
    announce(
        c,
        Change.LIFTED,
        actor,
        List.of(hold),
        reason,
        " lifted: " + reason,
        "Hold lifted by " + unitCode,
        now);
  }

  /** Lifts every running hold of the case: its police authority is gone (case unfounded). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void liftAll(FraudCase c, String reason, Instant now) {
    liftRunning(
        c,
        locked(AccountFreeze.find("caseId = ?1 and state = ?2", c.id, HoldState.HELD)),
        reason,
        now);
  }

  /**
   * Lifts the running holds of one account (an upheld dispute delisted it): the case's, and those
   * left in a case it was split from (a split leaves the holds where they were asked), each
   * announced by its own case.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void liftAccount(
      FraudCase c, String bankBin, String accountNumber, String reason, Instant now) {
    Map<UUID, List<AccountFreeze>> byCase =
        locked(
                AccountFreeze.find(
                    "state = ?1 and bankBin = ?2 and accountNumber = ?3 order by caseId",
                    HoldState.HELD,
                    bankBin,
                    accountNumber))
            .stream()
            .collect(Collectors.groupingBy(h -> h.caseId, LinkedHashMap::new, Collectors.toList()));
    byCase.forEach(
        (caseId, holds) -> {
          FraudCase owner = caseId.equals(c.id) ? c : FraudCase.findById(caseId);
          if (owner != null) {
            liftRunning(owner, holds, reason, now);
          }
        });
  }

  private static List<AccountFreeze> locked(PanacheQuery<AccountFreeze> held) {
    return held.withLock(LockModeType.PESSIMISTIC_WRITE).list();
  }

  private void liftRunning(FraudCase c, List<AccountFreeze> held, String reason, Instant now) {
    // A hold past its expiry but not yet marked is the expiry job's: it ends once, as EXPIRED.
    List<AccountFreeze> lifted = held.stream().filter(h -> h.runsAt(now)).toList();
    if (lifted.isEmpty()) {
      return;
    }
    lifted.forEach(h -> h.end(HoldState.LIFTED, reason, CaseEvents.SYSTEM, now));
    announce(
        c, Change.LIFTED, CaseEvents.SYSTEM, lifted, reason, " lifted: " + reason, reason, now);
  }

  /**
   * A timeline line per hold and, per freeze request, one case event naming that request and its
   * accounts with their holds.
   *
   * @param reason the reason banks get, per account (null for an expiry)
   * @param line what the timeline says after the account
   * @param note the event's public note
   */
  void announce(
      FraudCase c,
      Change change,
      String actor,
      List<AccountFreeze> holds,
      String reason,
      String line,
      String note,
      Instant now) {
    Map<Authority, List<AccountRefV1>> byAuthority = new LinkedHashMap<>();
    for (AccountFreeze h : holds) {
      events.record(c, change.line, actor, null, "Hold on " + describe(h) + line, now);
      byAuthority
          .computeIfAbsent(new Authority(h.requestId, h.byStandingOrder), a -> new ArrayList<>())
          .add(
              new AccountRefV1(
                  h.bankBin, h.accountNumber, h.layer, h.holdAmountVnd, h.holdExpiresAt, reason));
    }
    c.updatedAt = now;
    byAuthority.forEach(
        (authority, accounts) -> {
          FreezeRequest r = FreezeRequest.findById(authority.requestId());
          events.publish(
              c,
              change.event,
              CaseEvents.Extra.freeze(
                  accounts,
                  null,
                  new FreezeAuthorisationV1(
                      r.id, r.unitCode, r.requestedAt, authority.standingOrder()),
                  note));
        });
  }

  /** The hold of the case, locked, if it still runs; else 404 or 409. */
  private static AccountFreeze running(FraudCase c, UUID holdId, Instant now) {
    AccountFreeze hold = AccountFreeze.findById(holdId, LockModeType.PESSIMISTIC_WRITE);
    if (hold == null || !hold.caseId.equals(c.id)) {
      throw ProblemException.notFound("Hold " + holdId + " of case " + c.id);
    }
    if (hold.state != HoldState.HELD) {
      throw ProblemException.conflict(
          "hold-ended", "The hold was " + hold.state + " at " + hold.endedAt);
    }
    if (!hold.runsAt(now)) {
      throw ProblemException.conflict("hold-ended", "The hold expired at " + hold.holdExpiresAt);
    }
    return hold;
  }

  private static String describe(AccountFreeze h) {
    return new BankAccount(h.bankBin, h.accountNumber).value()
        + " (layer "
        + h.layer
        + ", "
        + (h.holdAmountVnd == null ? "amount unknown" : h.holdAmountVnd + " VND")
        + ")";
  }
}
