package io.fraudtip.cases.freezes;

import io.fraudtip.cases.api.CaseRequests;
import io.fraudtip.cases.core.CaseEvents;
import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.cases.core.TimelineKind;
import io.fraudtip.cases.linking.CaseIdentifier;
import io.fraudtip.cases.trust.Evidence;
import io.fraudtip.commons.problem.FieldError;
import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.contracts.Ids;
import io.fraudtip.contracts.banks.AccountNumbers;
import io.fraudtip.contracts.banks.BankAccount;
import io.fraudtip.contracts.cases.AccountRefV1;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.cases.FreezeAuthorisationV1;
import io.fraudtip.contracts.tips.IdentifierType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Freezes come from police only (SPEC §10): a unit's freeze request names accounts of the case, and
 * may give a standing order to follow the money trail. An account a bank's answer traces is an
 * advisory for its bank ({@code ACCOUNT_TRACED}, naming the tracing bank) and, while a standing
 * order of the case covers its layer, also a freeze request under that order. Every freeze request
 * names the police request that authorised it and a bounded hold ({@link Holds}).
 */
@ApplicationScoped
public class Freezes {
  private final CaseEvents events;
  private final Holds holds;
  private final StandingOrders orders;
  private final Evidence evidence;

  Freezes(CaseEvents events, Holds holds, StandingOrders orders, Evidence evidence) {
    this.events = events;
    this.holds = holds;
    this.orders = orders;
    this.evidence = evidence;
  }

  /**
   * An account a bank's answer traced the money on to, already in the case.
   *
   * @param amountVnd what the answer says moved on to it
   * @param at the earliest of those transfers, or null when none gave a time
   */
  public record Traced(
      String bankBin, String accountNumber, int layer, long amountVnd, Instant at) {}

  /** A police unit's freeze request on an open case: stored, in the timeline, published. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void request(
      FraudCase c, CaseRequests.Freeze request, String unitCode, String actor, Instant now) {
    List<FieldError> errors = new ArrayList<>(orders.check(request, now));
    List<AccountRefV1> named = namedAccounts(c, request.accounts(), errors);
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    // An account under a running hold is not asked again: a second hold would double what its
    // bank holds, send a second order and count the unit's confirmation twice. The hold is
    // extended instead; a request that asks nothing else is refused.
    List<String> running = new ArrayList<>();
    named =
        named.stream()
            .filter(
                a -> {
                  AccountFreeze f = runningHold(c.id, a, now);
                  if (f != null) {
                    running.add(
                        new BankAccount(a.bankBin(), a.accountNumber()).value()
                            + " (hold "
                            + f.id
                            + ", until "
                            + f.holdExpiresAt
                            + ")");
                  }
                  return f == null;
                })
            .toList();
    if (named.isEmpty() && !Boolean.TRUE.equals(request.followTrail())) {
      throw ProblemException.conflict(
          "hold-running",
          "Held already under a running hold: "
              + String.join(", ", running)
              + "; extend the hold (POST /api/v1/cases/"
              + c.id
              + "/holds/{holdId}/extension) instead");
    }
    // A unit's freeze request confirms each account it names (SPEC §10).
    for (AccountRefV1 a : named) {
      evidence.policeConfirmed(
          IdentifierType.BANK_ACCOUNT,
          new BankAccount(a.bankBin(), a.accountNumber()).value(),
          unitCode,
          c.id,
          now);
    }
    FreezeRequest r = new FreezeRequest();
    r.id = Ids.next();
    r.caseId = c.id;
    r.unitCode = unitCode;
    r.requestedBy = actor;
    r.requestedAt = now;
    r.note = request.note();
    orders.apply(r, request, now);
    r.persist();
    List<AccountRefV1> held = hold(r, named, false, now);
    String standing =
        r.followTrail
            ? "; standing order: follow the trail to layer " + r.maxLayer + " until " + r.trailUntil
            : "";
    if (!running.isEmpty()) {
      standing += "; held already, not asked again: " + String.join(", ", running);
    }
    events.record(
        c,
        TimelineKind.FREEZE_REQUESTED,
        actor,
        null,
        describe(held) + standing + (request.note() == null ? "" : ": " + request.note()),
        now);
    c.updatedAt = now;
    events.publish(
        c,
        CaseEventKind.FREEZE_REQUESTED,
        CaseEvents.Extra.freeze(
            held, null, authorisation(r, false), "Freeze requested by " + unitCode));
  }

  /**
   * Accounts a bank's answer traced: kept with their amounts under the answer, announced to their
   * banks as an advisory naming the tracing bank, and asked to freeze where a standing order of the
   * open case covers their layer. An account the bank traced in the case before (an answer sent
   * again or corrected) is kept with its new amount but not announced again.
   *
   * @return the accounts new to the case's traces by this bank
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<Traced> traced(
      FraudCase c, String tracedByBin, UUID responseId, List<Traced> traced, Instant now) {
    if (traced.isEmpty()) {
      return List.of();
    }
    Set<String> before =
        AccountTrace.<AccountTrace>list("caseId = ?1 and tracedByBin = ?2", c.id, tracedByBin)
            .stream()
            .map(t -> t.bankBin + ":" + t.accountNumber)
            .collect(Collectors.toSet());
    List<Traced> fresh = new ArrayList<>();
    List<AccountRefV1> accounts = new ArrayList<>();
    for (Traced t : traced) {
      AccountTrace row = new AccountTrace();
      row.id = Ids.next();
      row.caseId = c.id;
      row.bankBin = t.bankBin();
      row.accountNumber = t.accountNumber();
      row.layer = t.layer();
      row.tracedByBin = tracedByBin;
      row.amountVnd = Math.max(0, t.amountVnd());
      row.tracedAt = now;
      row.responseId = responseId;
      row.persist();
      AccountRefV1 ref = new AccountRefV1(t.bankBin(), t.accountNumber(), t.layer());
      if (!accounts.contains(ref)) {
        accounts.add(ref);
        if (!before.contains(t.bankBin() + ":" + t.accountNumber())) {
          fresh.add(t);
        }
      }
    }
    c.updatedAt = now;
    if (!fresh.isEmpty()) {
      events.publish(
          c,
          CaseEventKind.ACCOUNT_TRACED,
          CaseEvents.Extra.traced(
              fresh.stream()
                  .map(
                      t ->
                          AccountRefV1.traced(
                              t.bankBin(), t.accountNumber(), t.layer(), t.amountVnd(), t.at()))
                  .toList(),
              tracedByBin,
              "Traced by bank " + tracedByBin + "; advisory until the police unit asks to freeze"));
    }
    if (!c.stage.isOpen()) {
      return fresh;
    }
    Map<FreezeRequest, List<AccountRefV1>> byOrder = new LinkedHashMap<>();
    for (AccountRefV1 a : accounts) {
      Optional<FreezeRequest> order = orders.covering(c.id, a.layer(), now);
      if (order.isPresent() && !heldAlready(c.id, a, now)) {
        byOrder.computeIfAbsent(order.get(), o -> new ArrayList<>()).add(a);
      }
    }
    byOrder.forEach(
        (order, covered) -> {
          List<AccountRefV1> held = hold(order, covered, true, now);
          events.record(
              c,
              TimelineKind.FREEZE_REQUESTED,
              CaseEvents.SYSTEM,
              null,
              describe(held)
                  + "; by the standing order of "
                  + order.unitCode
                  + " ("
                  + order.id
                  + "), traced by bank "
                  + tracedByBin,
              now);
          events.publish(
              c,
              CaseEventKind.FREEZE_REQUESTED,
              CaseEvents.Extra.freeze(
                  held,
                  tracedByBin,
                  authorisation(order, true),
                  "Freeze requested by the standing order of " + order.unitCode));
        });
    return fresh;
  }

  /** The accounts the request names, each a listed bank account of the case (else an error). */
  private List<AccountRefV1> namedAccounts(
      FraudCase c, List<CaseRequests.Account> requested, List<FieldError> errors) {
    List<AccountRefV1> accounts = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < requested.size(); i++) {
      CaseRequests.Account typed = requested.get(i);
      // Spelt as people type it (dots, dashes, spaces, lower case): the case holds it normalised.
      CaseRequests.Account a =
          new CaseRequests.Account(
              typed.bankBin().strip(), AccountNumbers.normalise(typed.accountNumber()));
      CaseIdentifier row =
          CaseIdentifier.byValue(
              IdentifierType.BANK_ACCOUNT, new BankAccount(a.bankBin(), a.accountNumber()).value());
      if (row == null || !row.caseId.equals(c.id) || row.delistedAt != null) {
        errors.add(
            new FieldError(
                "accounts[" + i + "]",
                "account.not-in-case",
                "The account is not a listed account of this case"));
      } else if (seen.add(a.bankBin() + ":" + a.accountNumber())) {
        Long amount = holdAmount(c, a, typed.holdAmountVnd(), "accounts[" + i + "]", errors);
        accounts.add(new AccountRefV1(a.bankBin(), a.accountNumber(), row.layer, amount, null));
      }
    }
    return accounts;
  }

  /**
   * What a unit's request holds on an account: what the case knows reached it, or less if the unit
   * says so; the unit's amount where the case knows of none. A hold names an amount (SPEC §10):
   * without one, the bank was asked to freeze with no limit.
   */
  private Long holdAmount(
      FraudCase c, CaseRequests.Account a, Long asked, String at, List<FieldError> errors) {
    Long reached = holds.amount(c.id, a.bankBin(), a.accountNumber());
    if (reached == null && asked == null) {
      errors.add(
          new FieldError(
              at + ".holdAmountVnd",
              "amount.required",
              "The case knows of no money that reached this account: name the amount to hold"));
    } else if (reached != null && asked != null && asked > reached) {
      errors.add(
          new FieldError(
              at + ".holdAmountVnd",
              "amount.exceeds-reached",
              "More than the " + reached + " VND the case knows reached this account"));
    }
    return asked != null ? asked : reached;
  }

  /** Stores each account's freeze under the request; the accounts with their holds. */
  private List<AccountRefV1> hold(
      FreezeRequest r, List<AccountRefV1> accounts, boolean byStandingOrder, Instant now) {
    List<AccountRefV1> held = new ArrayList<>();
    for (AccountRefV1 a : accounts) {
      AccountFreeze f = new AccountFreeze();
      f.id = Ids.next();
      f.requestId = r.id;
      f.caseId = r.caseId;
      f.bankBin = a.bankBin();
      f.accountNumber = a.accountNumber();
      f.layer = a.layer();
      f.byStandingOrder = byStandingOrder;
      // A unit's request names its amount; a standing order holds what the traces say reached it.
      f.holdAmountVnd =
          a.holdAmountVnd() != null
              ? a.holdAmountVnd()
              : holds.amount(r.caseId, a.bankBin(), a.accountNumber());
      f.holdExpiresAt = holds.expiry(now);
      f.requestedAt = now;
      f.persist();
      held.add(
          new AccountRefV1(
              a.bankBin(), a.accountNumber(), a.layer(), f.holdAmountVnd, f.holdExpiresAt));
    }
    return held;
  }

  /**
   * Whether the account's bank was asked to freeze it already and the hold still runs, or a hold on
   * it was lifted: a standing order does not overrule a lift (the unit may name it again).
   */
  private static boolean heldAlready(UUID caseId, AccountRefV1 a, Instant now) {
    return AccountFreeze.count(
            "caseId = ?1 and bankBin = ?2 and accountNumber = ?3"
                + " and (state = ?4 or (state = ?5 and holdExpiresAt > ?6))",
            caseId,
            a.bankBin(),
            a.accountNumber(),
            HoldState.LIFTED,
            HoldState.HELD,
            now)
        > 0;
  }

  /** The account's hold that still runs in the case (asked, not lifted, not expired), or null. */
  private static AccountFreeze runningHold(UUID caseId, AccountRefV1 a, Instant now) {
    return AccountFreeze.<AccountFreeze>find(
            "caseId = ?1 and bankBin = ?2 and accountNumber = ?3 and state = ?4"
                + " and holdExpiresAt > ?5",
            caseId,
            a.bankBin(),
            a.accountNumber(),
            HoldState.HELD,
            now)
        .firstResult();
  }

  private static FreezeAuthorisationV1 authorisation(FreezeRequest r, boolean standingOrder) {
    return new FreezeAuthorisationV1(r.id, r.unitCode, r.requestedAt, standingOrder);
  }

  /** The accounts and their holds, for the timeline. */
  private static String describe(List<AccountRefV1> held) {
    StringBuilder s = new StringBuilder(held.size() + " account(s)");
    held.stream()
        .sorted(Comparator.comparingInt(AccountRefV1::layer))
        .forEach(
            a ->
                s.append("; ")
                    .append(new BankAccount(a.bankBin(), a.accountNumber()).value())
                    .append(" (layer ")
                    .append(a.layer())
                    .append(") hold ")
                    .append(
                        a.holdAmountVnd() == null ? "amount unknown" : a.holdAmountVnd() + " VND")
                    .append(" until ")
                    .append(a.holdExpiresAt()));
    return s.toString();
  }
}
