package io.fraudtip.intake.service;

import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.commons.security.ServiceSignatures;
import io.fraudtip.contracts.Json;
import io.fraudtip.intake.api.ContactRequest;
import io.fraudtip.intake.api.ReporterContact;
import io.fraudtip.intake.config.IntakeConfig;
import io.fraudtip.intake.domain.ContactDisclosure;
import io.fraudtip.intake.domain.Tip;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The only place a reporter's sealed data is opened: for case-service's signed call on behalf of a
 * police unit that stated a reason (logged there first). Intake checks on its own that the call is
 * signed and fresh, that the read id is new, and that the tip belongs to the named case as cases.v1
 * told it; each disclosure is recorded here too.
 */
// Made at start-up, so that a malformed key fails the start with the setting's name.
@Startup
@ApplicationScoped
public class ContactDisclosures {
  private static final Logger LOG = Logger.getLogger(ContactDisclosures.class);
  static final String KEY_SETTING = "fraudtip.intake.contact-reads.key";

  private final IntakeConfig config;
  private final PersonalDataCipher cipher;
  private final Optional<ServiceSignatures> signatures;

  ContactDisclosures(IntakeConfig config, PersonalDataCipher cipher) {
    this.config = config;
    this.cipher = cipher;
    this.signatures =
        config
            .contactReads()
            .key()
            .filter(k -> !k.isBlank())
            .map(k -> new ServiceSignatures(k, KEY_SETTING));
  }

  /** The tip's reporter contact for a signed, fresh, first-time request naming the tip's case. */
  @Transactional
  public ReporterContact disclose(
      UUID tipId, String timestamp, String signature, String body, Instant now) {
    ServiceSignatures keys =
        signatures.orElseThrow(
            () ->
                new ProblemException(
                    503,
                    "contact-reads-off",
                    "Service Unavailable",
                    KEY_SETTING + " is not set: intake discloses no reporter contact"));
    if (!keys.verify(timestamp, signature, body, now, config.contactReads().tolerance())) {
      throw new ProblemException(
          401, "bad-service-signature", "Unauthorized", "The call is not signed, or not fresh");
    }
    ContactRequest request = parse(body);
    Tip tip = Tip.findById(tipId);
    if (tip == null || !request.caseReference().equals(tip.caseReference)) {
      // Intake's own check of the case: a tip it has not seen join this case is not disclosed.
      throw ProblemException.notFound("Tip " + tipId + " of case " + request.caseReference());
    }
    if (ContactDisclosure.findById(request.readId()) != null) {
      throw ProblemException.conflict(
          "read-replayed", "Read " + request.readId() + " was already served");
    }
    if (tip.reporterSealed == null) {
      throw new ProblemException(
          404, "anonymous-tip", "Not Found", "Tip " + tipId + " was sent anonymously");
    }
    ReporterData data = cipher.open(tip.id, tip.reporterSealed);
    ContactDisclosure d = new ContactDisclosure();
    d.readId = request.readId();
    d.tipId = tip.id;
    d.caseReference = request.caseReference();
    d.unitCode = request.unitCode();
    d.officer = request.officer();
    d.disclosedAt = now;
    d.persist();
    LOG.infof(
        "Disclosed the reporter contact of tip %s to %s (%s), read %s",
        tip.id, request.unitCode(), request.officer(), request.readId());
    return new ReporterContact(tip.id, data.name(), data.phone(), data.email(), data.nationalId());
  }

  private static ContactRequest parse(String body) {
    try {
      ContactRequest r = Json.events().readValue(body, ContactRequest.class);
      if (r.readId() == null
          || blank(r.caseReference())
          || blank(r.unitCode())
          || blank(r.officer())) {
        throw ProblemException.invalid(
            "body", "incomplete", "readId, caseReference, unitCode and officer are required");
      }
      return r;
    } catch (IOException e) {
      throw ProblemException.invalid("body", "unreadable", "The body is not a contact request");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
