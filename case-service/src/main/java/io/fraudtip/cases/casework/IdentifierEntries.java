package io.fraudtip.cases.casework;

import io.fraudtip.cases.api.CaseViews.CaseDetail;
import io.fraudtip.cases.api.CaseWorkRequests.AddIdentifier;
import io.fraudtip.cases.core.CaseEvents;
import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.cases.core.TimelineKind;
import io.fraudtip.cases.linking.CaseIdentifier;
import io.fraudtip.cases.linking.CaseMerger;
import io.fraudtip.cases.linking.CaseTotals;
import io.fraudtip.cases.linking.Identifiers;
import io.fraudtip.cases.linking.Identifiers.Candidate;
import io.fraudtip.cases.linking.Identifiers.Linkable;
import io.fraudtip.cases.linking.TipRows;
import io.fraudtip.cases.police.CaseChanges;
import io.fraudtip.cases.routing.Routing;
import io.fraudtip.cases.trust.Evidence;
import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.contracts.banks.BankAccount;
import io.fraudtip.contracts.cases.AccountRefV1;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.tips.IdentifierType;
import io.fraudtip.contracts.tips.TipSourceV1;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A unit enters into its case an identifier found during the investigation (an account in a bank
 * statement, a number in a call record). It is linked exactly as a tip's: normalised the same way,
 * left out when allow-listed, and when another case holds it already the cases merge as they would
 * for a tip ({@link CaseMerger}, its survivor rule), then totals, priority and the upward
 * re-routing follow; that other case must be in the caller's tree too (the unit's or one below it),
 * else the entry is refused with 409 {@code identifier-outside-scope}, naming no case: a unit never
 * pulls a case it cannot see into its own (a unit above both can). A new row names the unit ({@code
 * entered_by}). A duplicate (the case holds every form of it already) is refused with 409, not
 * taken as an idempotent success: a retry after a success holds a stale ETag anyway (412), so a 409
 * always means the case has it.
 *
 * <p>Trust (SPEC §10, {@code TrustModel}): the entry is a report by a <em>verified</em> reporter,
 * the unit ("a police unit entering a report"), without transfer details, recorded as REPORT
 * evidence whose reporter key is the unit's ({@code police:PA05-66}): one source however often the
 * unit enters it, and, verified, its client and address link it to nobody. What the model gives it:
 * on its own LOW (one source: listed as reported, banks may warn); MEDIUM with one more independent
 * source (a victim's tip); HIGH only with a police confirmation (the unit's freeze request or a
 * closure as CONFIRMED), which entering it is not. That is the identifier's trust: the case's
 * independent sources (its priority, routing thresholds) count reporters of tips only, never the
 * unit working it. It is on the watchlist at once (the evidence row reaches the watchlist's view at
 * commit), and a bank account alerts its bank as one from a tip: the IDENTIFIER_ADDED event on
 * cases.v1 (through the outbox), which notification-service turns into {@code account.reported}.
 */
@ApplicationScoped
public class IdentifierEntries {
  /** The prefix of the reporter key of a unit's entries (tips' keys are HMACs: never clash). */
  static final String POLICE_SOURCE = "police:";

  private final CaseChanges changes;
  private final CaseWork work;
  private final EnteredIdentifiers entered;
  private final Identifiers identifiers;
  private final CaseMerger merger;
  private final CaseTotals totals;
  private final Routing routing;
  private final Evidence evidence;
  private final CaseEvents events;

  IdentifierEntries(
      CaseChanges changes,
      CaseWork work,
      EnteredIdentifiers entered,
      Identifiers identifiers,
      CaseMerger merger,
      CaseTotals totals,
      Routing routing,
      Evidence evidence,
      CaseEvents events) {
    this.changes = changes;
    this.work = work;
    this.entered = entered;
    this.identifiers = identifiers;
    this.merger = merger;
    this.totals = totals;
    this.routing = routing;
    this.evidence = evidence;
    this.events = events;
  }

  /**
   * Enters the identifier into the case.
   *
   * @return the case that holds it now (the survivor of a merge, when the caller sees it)
   */
  @Transactional
  public CaseDetail add(UUID id, String ifMatch, AddIdentifier request, Locale locale) {
    List<Candidate> typed = entered.candidates(request, locale);
    FraudCase[] holder = new FraudCase[1];
    CaseDetail own =
        changes.apply(id, ifMatch, (c, now) -> holder[0] = enter(c, typed, request.reason(), now));
    return work.answer(own, holder[0]);
  }

  private FraudCase enter(FraudCase c, List<Candidate> typed, String reason, Instant now) {
    CaseWork.requireOpen(c);
    String unit = work.unit(c);
    // Locked before the allow-list and the rows are read, as for a tip, and before the case.
    Linkable linkable = work.unflushed(() -> identifiers.linkable(typed));
    String what = describe(typed);
    if (linkable.candidates().isEmpty()) {
      throw ProblemException.conflict(
          "allow-listed",
          what
              + " is on the allow-list (an official number or a bank's own domain): it never"
              + " links cases nor alerts a bank");
    }
    if (linkable.candidates().stream().allMatch(k -> heldBy(linkable, k, c.id))) {
      throw ProblemException.conflict("identifier-present", "The case holds " + what + " already");
    }
    work.claim(c);
    Set<UUID> ids = new LinkedHashSet<>();
    ids.add(c.id);
    ids.addAll(linkable.caseIds());
    FraudCase target = c;
    if (ids.size() > 1) {
      List<FraudCase> locked = merger.lock(ids);
      if (!locked.stream().allMatch(work::covers)) {
        throw outsideScope(what);
      }
      // As a merge by hand: a closed case is reopened by its unit before it takes more work.
      locked.forEach(CaseWork::requireOpen);
      CaseMerger.Merge merge =
          merger.merge(locked, now, work.actor(), "(" + what + " entered by " + unit + ")");
      target = merge.survivor();
      target.updatedAt = now;
      if (!merge.absorbed().isEmpty()) {
        events.publish(
            target,
            CaseEventKind.MERGED,
            CaseEvents.Extra.merged(
                merge.absorbed(),
                "Cases merged by an identifier police unit " + unit + " entered"));
      }
    }
    count(linkable, target, unit, now);
    totals.recompute(List.of(target), now);
    events.record(
        target,
        TimelineKind.IDENTIFIER_ADDED,
        work.actor(),
        null,
        describe(linkable.candidates()) + " entered by " + unit + ": " + reason,
        now);
    // Re-routed first, so that the banks' alerts name the unit that holds the case now.
    routing.rerouteUpwards(target, now);
    events.publish(
        target,
        CaseEventKind.IDENTIFIER_ADDED,
        CaseEvents.Extra.accounts(accounts(linkable), "Entered by police unit " + unit));
    return target;
  }

  /**
   * Each form counts one report of a verified reporter, the unit, with its evidence; a form no case
   * holds joins the case, naming the unit.
   */
  private void count(Linkable linkable, FraudCase target, String unit, Instant now) {
    TipSourceV1 source = new TipSourceV1(POLICE_SOURCE + unit, null, null, true);
    List<Evidence.Report> reports = new ArrayList<>();
    for (Candidate k : linkable.candidates()) {
      reports.add(new Evidence.Report(k.type(), k.value(), null, target.id, now, source, false));
      CaseIdentifier row = linkable.existing().get(k.key());
      if (row == null) {
        TipRows.addIdentifier(target, k, now, 1, 1).enteredBy = unit;
      } else {
        row.reportCount++;
        row.identifiedReports++;
        if (now.isAfter(row.lastReportedAt)) {
          row.lastReportedAt = now;
        }
      }
    }
    evidence.reports(reports);
  }

  /**
   * The answer to an identifier that a case outside the caller's tree holds: merging would pull
   * that case (another province's, say) into the caller's reach, which the police API never allows
   * (SPEC §5, §7). The answer says only that such a case exists, not which: a listed identifier's
   * case reference is what the watchlist tells police, and nothing of the case more.
   */
  private static ProblemException outsideScope(String what) {
    return ProblemException.conflict(
        "identifier-outside-scope",
        what
            + " is held by a case outside your unit's tree: nothing was entered and no case"
            + " merged. A unit above both cases can enter it or merge them.");
  }

  private static boolean heldBy(Linkable linkable, Candidate k, UUID caseId) {
    CaseIdentifier row = linkable.existing().get(k.key());
    return row != null && row.caseId.equals(caseId);
  }

  /** The bank accounts among the forms, for their banks' alerts. */
  private static List<AccountRefV1> accounts(Linkable linkable) {
    return linkable.candidates().stream()
        .filter(k -> k.type() == IdentifierType.BANK_ACCOUNT && k.bankBin() != null)
        .map(k -> new AccountRefV1(k.bankBin(), BankAccount.accountNumberOf(k.value()), k.layer()))
        .toList();
  }

  private static String describe(List<Candidate> forms) {
    return forms.stream().map(k -> k.type() + " " + k.value()).collect(Collectors.joining(", "));
  }
}
