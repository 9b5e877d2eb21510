package io.fraudtip.cases.evidence;

import io.fraudtip.cases.api.CaseFileViews.EvidenceEntry;
import io.fraudtip.cases.api.CaseFileViews.EvidenceList;
import io.fraudtip.cases.core.CaseTip;
import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.cases.core.Retries;
import io.fraudtip.cases.evidence.IntakeEvidence.IntakeFile;
import io.fraudtip.cases.police.UnitScope;
import io.fraudtip.commons.evidence.EvidenceFiles;
import io.fraudtip.commons.evidence.EvidenceFiles.Uploader;
import io.fraudtip.commons.evidence.EvidenceLimits;
import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.contracts.Ids;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * A case's evidence for its unit (and the units above it; 404 for any other): the files the unit
 * attached, kept here, and the reporters' files of the case's tips, kept by intake and read with a
 * signed call. Uploads pass the same check as citizens' ({@link EvidenceFiles}).
 */
@ApplicationScoped
public class CaseEvidenceFiles {
  private static final Logger LOG = Logger.getLogger(CaseEvidenceFiles.class);

  private final UnitScope scope;
  private final IntakeEvidence intake;
  private final EvidenceLimits limits;

  CaseEvidenceFiles(UnitScope scope, IntakeEvidence intake, EvidenceLimits limits) {
    this.scope = scope;
    this.intake = intake;
    this.limits = limits;
  }

  /** Stores a unit's file on a case it may see, or refuses it storing nothing. */
  public EvidenceEntry attach(UUID caseId, String name, byte[] bytes) {
    EvidenceFiles.Checked checked = EvidenceFiles.check(bytes, name, limits.maxBytes());
    // A change of the case between reading it and locking its row leaves the lock a stale
    // version: the upload runs again on the case as it is now (a lost race is not the caller's).
    AtomicReference<EvidenceEntry> stored = new AtomicReference<>();
    Retries.onConflict(() -> stored.set(attachOnce(caseId, checked, bytes)));
    return stored.get();
  }

  private EvidenceEntry attachOnce(UUID caseId, EvidenceFiles.Checked checked, byte[] bytes) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              FraudCase c = scope.visible(caseId);
              // The case's row is locked so that concurrent uploads cannot pass the count together.
              FraudCase.findById(c.id, LockModeType.PESSIMISTIC_WRITE);
              long count = CaseEvidence.count("caseId", c.id);
              if (count >= limits.maxFiles()) {
                throw ProblemException.conflict(
                    "evidence-count",
                    "This case already has "
                        + count
                        + " files of its units, the most it may have; nothing was stored");
              }
              CaseEvidence e = new CaseEvidence();
              e.id = Ids.next();
              e.caseId = c.id;
              e.name = checked.name();
              e.contentType = checked.contentType();
              e.sizeBytes = checked.sizeBytes();
              e.sha256 = checked.sha256();
              e.uploader = Uploader.POLICE;
              e.unitCode = scope.unit().map(u -> u.code).orElseThrow();
              e.subject = scope.actor();
              e.uploadedAt = Instant.now();
              e.content = bytes;
              e.persist();
              return entry(
                  e.id,
                  e.caseId,
                  e.name,
                  e.contentType,
                  e.sizeBytes,
                  e.sha256,
                  e.uploadedAt,
                  e.unitCode,
                  e.subject);
            });
  }

  /** The case's files: the unit's and its tips' reporters'. */
  public EvidenceList list(UUID caseId) {
    record Seen(UUID caseId, List<EvidenceEntry> own, List<UUID> tips) {}
    Seen seen =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  FraudCase c = scope.visible(caseId);
                  return new Seen(
                      c.id, ofCase(c.id), CaseTip.ofCase(c.id).stream().map(t -> t.tipId).toList());
                });
    return withReporters(seen.caseId(), seen.own(), seen.tips());
  }

  /**
   * The unit's files of a case (in the caller's transaction) followed by the reporters' files of
   * the given tips (asked from intake, outside any transaction).
   */
  public EvidenceList withReporters(UUID caseId, List<EvidenceEntry> own, List<UUID> tipIds) {
    List<EvidenceEntry> all = new ArrayList<>(own);
    for (UUID tipId : tipIds) {
      try {
        for (IntakeFile f : intake.list(tipId)) {
          all.add(
              new EvidenceEntry(
                  f.fileId(),
                  tipId,
                  f.name(),
                  f.contentType(),
                  f.sizeBytes(),
                  f.sha256(),
                  f.uploadedAt(),
                  "CITIZEN",
                  Uploader.CITIZEN,
                  "/api/v1/cases/" + caseId + "/tips/" + tipId + "/evidence/" + f.fileId()));
        }
      } catch (IntakeEvidence.Unavailable e) {
        LOG.warnf("Reporters' evidence of case %s could not be read: %s", caseId, e.getMessage());
        return new EvidenceList(
            List.copyOf(all),
            "The reporters' files could not be read from intake-service now ("
                + e.getMessage()
                + "): only the units' files are listed");
      }
    }
    return new EvidenceList(List.copyOf(all), null);
  }

  /** The unit's files of a case, oldest first, without their bytes. */
  public static List<EvidenceEntry> ofCase(UUID caseId) {
    return CaseEvidence.getEntityManager()
        .createQuery(
            "select e.id, e.name, e.contentType, e.sizeBytes, e.sha256, e.uploadedAt, e.unitCode,"
                + " e.subject from CaseEvidence e where e.caseId = ?1 order by e.uploadedAt, e.id",
            Object[].class)
        .setParameter(1, caseId)
        .getResultList()
        .stream()
        .map(
            r ->
                entry(
                    (UUID) r[0],
                    caseId,
                    (String) r[1],
                    (String) r[2],
                    (Long) r[3],
                    (String) r[4],
                    (Instant) r[5],
                    (String) r[6],
                    (String) r[7]))
        .toList();
  }

  /** A unit's file of the case, with its bytes. */
  public Download unitFile(UUID caseId, UUID fileId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              FraudCase c = scope.visible(caseId);
              CaseEvidence e = CaseEvidence.findById(fileId);
              if (e == null || !e.caseId.equals(c.id)) {
                throw ProblemException.notFound("Evidence file " + fileId + " of case " + caseId);
              }
              return new Download(e.name, e.contentType, e.sha256, e.content);
            });
  }

  /** A reporter's file of a tip of the case, with its bytes, from intake. */
  public Download tipFile(UUID caseId, UUID tipId, UUID fileId) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              FraudCase c = scope.visible(caseId);
              CaseTip tip = CaseTip.findById(tipId);
              if (tip == null || !tip.caseId.equals(c.id)) {
                throw ProblemException.notFound("Tip " + tipId + " of case " + caseId);
              }
            });
    try {
      return intake.file(tipId, fileId);
    } catch (IntakeEvidence.Unavailable e) {
      throw new ProblemException(
          503,
          "intake-unavailable",
          "Service Unavailable",
          "The reporter's file could not be read now: " + e.getMessage());
    }
  }

  private static EvidenceEntry entry(
      UUID id,
      UUID caseId,
      String name,
      String type,
      long size,
      String sha256,
      Instant at,
      String unit,
      String subject) {
    return new EvidenceEntry(
        id,
        null,
        name,
        type,
        size,
        sha256,
        at,
        unit + " " + subject,
        Uploader.POLICE,
        "/api/v1/cases/" + caseId + "/evidence/" + id);
  }
}
