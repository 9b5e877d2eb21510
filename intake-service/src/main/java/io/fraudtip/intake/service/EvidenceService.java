package io.fraudtip.intake.service;

import io.fraudtip.commons.evidence.EvidenceFiles;
import io.fraudtip.commons.evidence.EvidenceFiles.Uploader;
import io.fraudtip.commons.evidence.EvidenceLimits;
import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.commons.security.ServiceSignatures;
import io.fraudtip.commons.time.Timestamps;
import io.fraudtip.contracts.Ids;
import io.fraudtip.intake.api.EvidenceViews.EvidenceFileView;
import io.fraudtip.intake.config.IntakeConfig;
import io.fraudtip.intake.domain.EvidenceFile;
import io.fraudtip.intake.domain.Tip;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Evidence files of tips: a reporter attaches them with the tracking code (checked by {@link
 * EvidenceFiles}: type from the bytes, size and count bounded); case-service reads them for the
 * case's unit with a call signed under the key of its contact reads.
 */
@ApplicationScoped
public class EvidenceService {
  private static final Logger LOG = Logger.getLogger(EvidenceService.class);

  private final EvidenceLimits limits;
  private final IntakeConfig config;
  private final Optional<ServiceSignatures> signatures;
  private final PersonalDataCipher cipher;

  EvidenceService(EvidenceLimits limits, IntakeConfig config, PersonalDataCipher cipher) {
    this.limits = limits;
    this.config = config;
    this.cipher = cipher;
    this.signatures =
        config
            .contactReads()
            .key()
            .filter(k -> !k.isBlank())
            .map(k -> new ServiceSignatures(k, ContactDisclosures.KEY_SETTING));
  }

  /** Stores a reporter's file on the tip of the tracking code, or refuses it storing nothing. */
  @Transactional
  public EvidenceFileView attach(String trackingCode, String name, byte[] bytes) {
    EvidenceFiles.Checked checked = EvidenceFiles.check(bytes, name, limits.maxBytes());
    // Read under its row lock, so that concurrent uploads cannot pass the count together; read and
    // locked in one statement, so that a case event committed between the two cannot fail it.
    UUID tipId = tipOf(trackingCode, LockModeType.PESSIMISTIC_WRITE).id;
    long count = EvidenceFile.count("tipId", tipId);
    if (count >= limits.maxFiles()) {
      throw ProblemException.conflict(
          "evidence-count",
          "This tip already has " + count + " files, the most it may have; nothing was stored");
    }
    EvidenceFile f = new EvidenceFile();
    f.id = Ids.next();
    f.tipId = tipId;
    f.name = checked.name();
    f.contentType = checked.contentType();
    f.sizeBytes = checked.sizeBytes();
    f.sha256 = checked.sha256();
    f.uploader = Uploader.CITIZEN;
    f.uploadedAt =
        Timestamps.now(); // as the column keeps it: the upload's answer and the list agree
    // Personal data: sealed at rest, as the reporter's contact is (SPEC §4).
    f.content = cipher.sealFile(f.id, bytes);
    f.sealed = true;
    f.persist();
    LOG.infof(
        "Stored evidence %s (%s, %d bytes) on tip %s", f.id, f.contentType, f.sizeBytes, tipId);
    return view(f);
  }

  /** The files of the tip of a tracking code, for its reporter (404 for an unknown code). */
  @Transactional
  public List<EvidenceFileView> ofTrackingCode(String trackingCode) {
    return list(tipOf(trackingCode, LockModeType.NONE).id);
  }

  /** The files of a tip, for case-service's signed call. */
  @Transactional
  public List<EvidenceFileView> ofTip(UUID tipId, Signed call) {
    verify(call);
    return list(tipId);
  }

  /** A file's bytes as uploaded, with what a download names. */
  public record Download(String name, String contentType, String sha256, byte[] bytes) {}

  /** One file with its bytes, opened, for case-service's signed call. */
  @Transactional
  public Download file(UUID tipId, UUID fileId, Signed call) {
    verify(call);
    EvidenceFile f = EvidenceFile.findById(fileId);
    if (f == null || !f.tipId.equals(tipId)) {
      throw ProblemException.notFound("Evidence file " + fileId + " of tip " + tipId);
    }
    // Opened into a copy: the entity keeps its sealed bytes (a change to it would be written back).
    byte[] bytes = f.sealed ? cipher.openFile(f.id, f.content) : f.content;
    return new Download(f.name, f.contentType, f.sha256, bytes);
  }

  /**
   * Seals up to {@code limit} files stored before files were sealed, in the caller's transaction;
   * rows another instance is sealing are skipped.
   *
   * @return how many were sealed
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int sealStored(int limit) {
    @SuppressWarnings("unchecked")
    List<UUID> ids =
        EvidenceFile.getEntityManager()
            .createNativeQuery(
                "SELECT id FROM evidence_file WHERE NOT sealed ORDER BY id LIMIT :limit"
                    + " FOR UPDATE SKIP LOCKED",
                UUID.class)
            .setParameter("limit", limit)
            .getResultList();
    for (UUID id : ids) {
      EvidenceFile f = EvidenceFile.findById(id);
      f.content = cipher.sealFile(f.id, f.content);
      f.sealed = true;
    }
    return ids.size();
  }

  /** A signed internal read: its headers and the path it was made on. */
  public record Signed(String timestamp, String signature, String path) {}

  private void verify(Signed call) {
    ServiceSignatures keys =
        signatures.orElseThrow(
            () ->
                new ProblemException(
                    503,
                    "evidence-reads-off",
                    "Service Unavailable",
                    ContactDisclosures.KEY_SETTING + " is not set: intake serves no evidence"));
    if (!keys.verify(
        call.timestamp(),
        call.signature(),
        EvidenceFiles.signedRead(call.path()),
        Instant.now(),
        config.contactReads().tolerance())) {
      throw new ProblemException(
          401, "bad-service-signature", "Unauthorized", "The call is not signed, or not fresh");
    }
  }

  private static Tip tipOf(String trackingCode, LockModeType lock) {
    return Tip.findByTrackingCode(TrackingCodes.canonical(trackingCode), lock)
        .orElseThrow(() -> ProblemException.notFound("Tip " + trackingCode));
  }

  private static List<EvidenceFileView> list(UUID tipId) {
    // Columns, not entities: a list never loads the files' bytes.
    return EvidenceFile.getEntityManager()
        .createQuery(
            "select f.id, f.name, f.contentType, f.sizeBytes, f.sha256, f.uploader, f.uploadedAt"
                + " from EvidenceFile f where f.tipId = ?1 order by f.uploadedAt, f.id",
            Object[].class)
        .setParameter(1, tipId)
        .getResultList()
        .stream()
        .map(
            r ->
                new EvidenceFileView(
                    (UUID) r[0],
                    tipId,
                    (String) r[1],
                    (String) r[2],
                    (Long) r[3],
                    (String) r[4],
                    (Uploader) r[5],
                    (Instant) r[6]))
        .toList();
  }

  private static EvidenceFileView view(EvidenceFile f) {
    return new EvidenceFileView(
        f.id, f.tipId, f.name, f.contentType, f.sizeBytes, f.sha256, f.uploader, f.uploadedAt);
  }
}
