package io.fraudtip.cases.casefile;

import io.fraudtip.cases.api.CaseFileViews.Amounts;
import io.fraudtip.cases.api.CaseFileViews.BankAnswer;
import io.fraudtip.cases.api.CaseFileViews.CaseFile;
import io.fraudtip.cases.api.CaseFileViews.EvidenceList;
import io.fraudtip.cases.api.CaseFileViews.FileIdentifier;
import io.fraudtip.cases.api.CaseFileViews.FileTimelineLine;
import io.fraudtip.cases.api.CaseFileViews.FileTip;
import io.fraudtip.cases.api.CaseFileViews.FileTransfer;
import io.fraudtip.cases.api.CaseFileViews.IdentifierLayer;
import io.fraudtip.cases.api.ContactViews.ReporterContact;
import io.fraudtip.cases.banks.BankResponse;
import io.fraudtip.cases.contact.ContactReads;
import io.fraudtip.cases.core.CaseTip;
import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.cases.core.TimelineEntry;
import io.fraudtip.cases.evidence.CaseEvidenceFiles;
import io.fraudtip.cases.freezes.FreezeViews;
import io.fraudtip.cases.linking.CaseIdentifier;
import io.fraudtip.cases.police.UnitScope;
import io.fraudtip.commons.tx.Snapshot;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The case file: the case's facts in one record, for the JSON answer and the PDF ({@link
 * CaseFilePdf}). Reporters' contacts are in it only when the unit gives a reason, and then each
 * tip's read goes through {@link ContactReads}, logged like any other. Its evidence list is the
 * units' files and the reporters' ({@link CaseEvidenceFiles}).
 */
@ApplicationScoped
public class CaseFiles {
  private final UnitScope scope;
  private final ContactReads contacts;
  private final CaseEvidenceFiles evidence;
  private final EntityManager em;

  CaseFiles(UnitScope scope, ContactReads contacts, CaseEvidenceFiles evidence, EntityManager em) {
    this.scope = scope;
    this.contacts = contacts;
    this.evidence = evidence;
    this.em = em;
  }

  /** The file of a case the caller may see (404 otherwise); contacts when a reason is given. */
  public CaseFile file(UUID caseId, String contactReason) {
    boolean withContacts = contactReason != null;
    if (withContacts) {
      contacts.checkedReason(contactReason); // a blank reason is 400 before anything is read
    }
    Facts facts =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Snapshot.begin(em);
                  return facts(scope.visible(caseId));
                });
    CaseFile file = facts.file();
    List<UUID> tipIds = file.tips().stream().map(FileTip::tipId).toList();
    // Intake is asked outside the facts' transaction: for the reporters' files, and for their
    // contacts (each read logged and committed before intake is asked).
    EvidenceList files = evidence.withReporters(file.caseId(), file.evidence(), tipIds);
    if (!withContacts || file.tips().isEmpty()) {
      return with(file, file.contactsIncluded(), file.tips(), files);
    }
    List<ReporterContact> found = contacts.readForFile(facts.fraudCase(), tipIds, contactReason);
    List<FileTip> tips = new ArrayList<>();
    for (int i = 0; i < file.tips().size(); i++) {
      tips.add(withReporter(file.tips().get(i), found.get(i)));
    }
    return with(file, true, tips, files);
  }

  private record Facts(FraudCase fraudCase, CaseFile file) {}

  private Facts facts(FraudCase c) {
    List<FileTip> tips = CaseTip.ofCase(c.id).stream().map(CaseFiles::tip).toList();
    Map<Integer, List<FileIdentifier>> byLayer = new TreeMap<>();
    for (CaseIdentifier i : CaseIdentifier.ofCase(c.id)) {
      byLayer
          .computeIfAbsent(i.layer, l -> new ArrayList<>())
          .add(
              new FileIdentifier(
                  i.type, i.value, i.bankBin, i.reportCount, i.firstReportedAt, i.delistedAt));
    }
    List<IdentifierLayer> layers =
        byLayer.entrySet().stream()
            .map(e -> new IdentifierLayer(e.getKey(), List.copyOf(e.getValue())))
            .toList();
    List<FileTimelineLine> timeline =
        TimelineEntry.ofCase(c.id).stream()
            .map(e -> new FileTimelineLine(e.at, e.kind, e.actor, e.unitCode, e.detail))
            .toList();
    List<BankAnswer> answers =
        BankResponse.<BankResponse>list("caseId = ?1 order by respondedAt, responseId", c.id)
            .stream()
            .map(
                b ->
                    new BankAnswer(
                        b.bankBin,
                        b.accountNumber,
                        b.layer,
                        b.outcome,
                        b.frozenVnd,
                        b.restoredVnd,
                        b.respondedAt,
                        b.supersededAt == null))
            .toList();
    String by = scope.unit().map(u -> u.code + " ").orElse("") + scope.actor();
    CaseFile file =
        new CaseFile(
            c.id,
            c.reference,
            c.status,
            c.stage,
            c.closure,
            c.unitCode,
            c.scamType,
            c.provinceCode,
            c.communeCode,
            c.openedAt,
            c.closedAt,
            c.mergedInto,
            c.victims,
            c.provinces,
            new Amounts(c.totalLossVnd, c.frozenVnd, c.restoredVnd),
            Instant.now(),
            by,
            false,
            tips,
            layers,
            timeline,
            answers,
            FreezeViews.ofCase(c.id),
            // the units' files here; the reporters' are added from intake after the transaction
            CaseEvidenceFiles.ofCase(c.id),
            null);
    return new Facts(c, file);
  }

  private static FileTip tip(CaseTip t) {
    TipReceivedV1 tip = read(t.payload);
    List<FileTransfer> transfers =
        tip == null || tip.transfers() == null
            ? List.of()
            : tip.transfers().stream()
                .map(
                    x ->
                        new FileTransfer(
                            x.bankBin(), x.accountNumber(), x.accountName(), x.amountVnd(), x.at()))
                .toList();
    return new FileTip(
        t.tipId,
        t.receivedAt,
        tip == null ? null : tip.occurredAt(),
        tip == null ? null : tip.channel(),
        t.trust,
        t.provinceCode,
        t.communeCode,
        t.scamType,
        tip == null ? null : tip.description(),
        t.amountLostVnd,
        transfers,
        null);
  }

  private static FileTip withReporter(FileTip t, ReporterContact reporter) {
    return new FileTip(
        t.tipId(),
        t.receivedAt(),
        t.occurredAt(),
        t.channel(),
        t.trust(),
        t.provinceCode(),
        t.communeCode(),
        t.scamType(),
        t.description(),
        t.amountLostVnd(),
        t.transfers(),
        reporter);
  }

  private static CaseFile with(
      CaseFile f, boolean contactsIncluded, List<FileTip> tips, EvidenceList files) {
    return new CaseFile(
        f.caseId(),
        f.reference(),
        f.status(),
        f.stage(),
        f.closure(),
        f.unitCode(),
        f.scamType(),
        f.provinceCode(),
        f.communeCode(),
        f.openedAt(),
        f.closedAt(),
        f.mergedInto(),
        f.victims(),
        f.provinces(),
        f.amounts(),
        f.generatedAt(),
        f.generatedBy(),
        contactsIncluded,
        tips,
        f.identifierLayers(),
        f.timeline(),
        f.bankAnswers(),
        f.freezeRequests(),
        files.files(),
        files.note());
  }

  private static TipReceivedV1 read(String payload) {
    try {
      return Json.events().readValue(payload, TipReceivedV1.class);
    } catch (IOException e) {
      return null;
    }
  }
}
