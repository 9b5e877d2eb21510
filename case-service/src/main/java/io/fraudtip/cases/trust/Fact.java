package io.fraudtip.cases.trust;

import java.time.Instant;
import java.util.UUID;

/**
 * One piece of evidence on an identifier, as the trust model reads it.
 *
 * @param reporter reporter key of a REPORT (null: anonymous, or an old tip without a source)
 * @param client client key of a REPORT
 * @param address source-address key of a REPORT
 * @param verified whether a trusted client or police vouched for the reporter
 * @param withTransfers whether the tip gave transfer details to this identifier
 * @param actor the unit code (police) or BIN (bank) behind a confirmation, trace or rejection
 * @param layer the layer of a TRACED account
 * @param note UNFOUNDED or DISPUTE_UPHELD for a rejection; the outcome for a bank confirmation
 * @param caseReference the case the evidence was recorded in, for banks and police
 */
public record Fact(
    EvidenceKind kind,
    Instant at,
    UUID tipId,
    String reporter,
    String client,
    String address,
    boolean verified,
    boolean withTransfers,
    String actor,
    Integer layer,
    String note,
    String caseReference) {
  public static final String UNFOUNDED = "UNFOUNDED";
  public static final String DISPUTE_UPHELD = "DISPUTE_UPHELD";

  /** A report, for tests and for the model's own questions. */
  public static Fact report(
      Instant at,
      String reporter,
      String client,
      String address,
      boolean verified,
      boolean withTransfers) {
    return new Fact(
        EvidenceKind.REPORT,
        at,
        null,
        reporter,
        client,
        address,
        verified,
        withTransfers,
        null,
        null,
        null,
        null);
  }

  /** Evidence other than a report. */
  public static Fact of(EvidenceKind kind, Instant at, String actor, String note) {
    return new Fact(kind, at, null, null, null, null, false, false, actor, null, note, null);
  }

  boolean isRejectionByDispute() {
    return kind == EvidenceKind.REJECTED && DISPUTE_UPHELD.equals(note);
  }
}
