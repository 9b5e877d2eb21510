package io.fraudtip.cases.contact;

import io.fraudtip.cases.api.ContactViews.ContactReadResult;
import io.fraudtip.cases.api.ContactViews.ReporterContact;
import io.fraudtip.cases.contact.ContactRead.Outcome;
import io.fraudtip.cases.contact.ContactRead.Purpose;
import io.fraudtip.cases.core.CaseTip;
import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.cases.police.UnitScope;
import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.contracts.Ids;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A police unit reads the reporter's contact of a tip of its case (SPEC §7): only the case's unit
 * and the units above it, only with a stated reason, and every read is written to the access log
 * (and committed) before intake is asked, so that even a failed attempt is on record. Out of scope
 * is 404, as for every case read.
 */
@ApplicationScoped
public class ContactReads {
  private static final Logger LOG = Logger.getLogger(ContactReads.class);

  /** The longest stated reason, in characters (the access log's column). */
  public static final int MAX_REASON = 500;

  private final UnitScope scope;
  private final IntakeContacts intake;

  ContactReads(UnitScope scope, IntakeContacts intake) {
    this.scope = scope;
    this.intake = intake;
  }

  /** The contact of one tip of one case, or a problem; the read is logged either way. */
  public ContactReadResult read(UUID caseId, UUID tipId, String reason) {
    String why = checkedReason(reason);
    ContactRead read =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  FraudCase c = scope.visible(caseId);
                  CaseTip tip = CaseTip.findById(tipId);
                  if (tip == null || !tip.caseId.equals(c.id)) {
                    throw ProblemException.notFound("Tip " + tipId + " of case " + caseId);
                  }
                  return log(c, tipId, why, Purpose.CONTACT_READ).get(0);
                });
    IntakeContacts.Answer answer = ask(read);
    return switch (answer.outcome()) {
      case DISCLOSED ->
          new ContactReadResult(
              read.id, read.caseId, read.caseReference, tipId, read.readAt, why, answer.contact());
      case ANONYMOUS ->
          throw new ProblemException(
              404,
              "anonymous-tip",
              "Not Found",
              "Tip " + tipId + " was sent anonymously: there is no contact to read");
      case REFUSED ->
          throw ProblemException.conflict(
              "tip-not-followed",
              "intake-service does not yet see tip "
                  + tipId
                  + " in case "
                  + read.caseReference
                  + " (it follows cases.v1); try again in a moment");
      case FAILED, REQUESTED ->
          throw new ProblemException(
              503,
              "intake-unavailable",
              "Service Unavailable",
              "The reporter's contact could not be read now: " + answer.why());
    };
  }

  /**
   * The contacts of the given tips of a case the caller already may see, for a case file asked with
   * a reason: each tip's read is logged as for {@link #read}; a tip whose contact cannot be had
   * maps to null.
   */
  public List<ReporterContact> readForFile(FraudCase c, List<UUID> tipIds, String reason) {
    String why = checkedReason(reason);
    List<ContactRead> reads =
        QuarkusTransaction.requiringNew().call(() -> log(c, tipIds, why, Purpose.CASE_FILE));
    return reads.stream().map(r -> ask(r).contact()).toList();
  }

  /** The reason, checked: required and bounded (400 otherwise). */
  public String checkedReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw ProblemException.invalid(
          "reason", "required", "Say why the reporter's contact is needed");
    }
    if (reason.strip().length() > MAX_REASON) {
      throw ProblemException.invalid("reason", "too-long", "At most " + MAX_REASON + " characters");
    }
    if (!intake.enabled()) {
      throw new ProblemException(
          503,
          "contact-reads-off",
          "Service Unavailable",
          IntakeContacts.KEY_SETTING + " is not set: reporter contacts cannot be read");
    }
    return reason.strip();
  }

  private List<ContactRead> log(FraudCase c, List<UUID> tipIds, String reason, Purpose purpose) {
    String unit = scope.unit().map(u -> u.code).orElseThrow();
    Instant now = Instant.now();
    return tipIds.stream()
        .map(
            tipId -> {
              ContactRead r = new ContactRead();
              r.id = Ids.next();
              r.caseId = c.id;
              r.caseReference = c.reference;
              r.tipId = tipId;
              r.unitCode = unit;
              r.subject = scope.actor();
              r.reason = reason;
              r.purpose = purpose;
              r.readAt = now;
              r.outcome = Outcome.REQUESTED;
              r.persist();
              return r;
            })
        .toList();
  }

  private List<ContactRead> log(FraudCase c, UUID tipId, String reason, Purpose purpose) {
    return log(c, List.of(tipId), reason, purpose);
  }

  /** Asks intake and records what came of it on the log entry. */
  private IntakeContacts.Answer ask(ContactRead read) {
    IntakeContacts.Answer answer = intake.fetch(read);
    Outcome outcome = answer.outcome();
    if (outcome == Outcome.FAILED) {
      LOG.warnf("Contact read %s of tip %s failed: %s", read.id, read.tipId, answer.why());
    }
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                ContactRead.update(
                    "outcome = ?1, outcomeAt = ?2 where id = ?3", outcome, Instant.now(), read.id));
    return answer;
  }
}
