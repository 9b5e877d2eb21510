package io.fraudtip.cases.linking;

import io.fraudtip.cases.core.CaseStage;
import io.fraudtip.cases.core.CaseTip;
import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.cases.core.Priority;
import io.fraudtip.cases.linking.Identifiers.Candidate;
import io.fraudtip.contracts.Ids;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.tips.IdentifierType;
import io.fraudtip.contracts.tips.ScamType;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.contracts.tips.TransferV1;
import io.fraudtip.contracts.tips.TrustLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * The rows a tip makes: its new case, the tip in its case, a new identifier of the case (also what
 * a unit's work by hand makes: casework/).
 */
public final class TipRows {
  private TipRows() {}

  /** A new case for the tip, unrouted. */
  public static FraudCase open(TipReceivedV1 tip, Instant now, Duration legalDeadline) {
    FraudCase c = newCase(tip, now, legalDeadline);
    c.persist();
    return c;
  }

  /** {@link #open}, not persisted yet: a batch of tips persists its new cases last. */
  static FraudCase newCase(TipReceivedV1 tip, Instant now, Duration legalDeadline) {
    FraudCase c = new FraudCase();
    c.id = Ids.next();
    c.reference = "VN-" + Ids.randomTail(c.id, 8);
    c.stage = CaseStage.RECEIVED;
    c.status = c.stage.status();
    c.scamType = scamTypeOf(tip);
    c.provinceCode = tip.provinceCode();
    c.communeCode = tip.communeCode();
    c.priority = Priority.LOWEST;
    c.openedAt = now;
    c.updatedAt = now;
    Instant received = tip.receivedAt() == null ? now : tip.receivedAt();
    c.legalDueAt = received.plus(legalDeadline);
    return c;
  }

  private static ScamType scamTypeOf(TipReceivedV1 tip) {
    return tip.scamType() == null ? ScamType.OTHER : tip.scamType();
  }

  /**
   * The tip in its case, with the facts the totals are computed from; not persisted (a batch writes
   * its tips at once, {@link BatchRows}).
   *
   * @param json the tips.v1 payload as received; null to write it from {@code tip}
   */
  static CaseTip kept(TipReceivedV1 tip, String json, FraudCase target, Instant now) {
    CaseTip caseTip = new CaseTip();
    caseTip.tipId = tip.tipId();
    caseTip.caseId = target.id;
    caseTip.receivedAt = tip.receivedAt() == null ? now : tip.receivedAt();
    caseTip.provinceCode = tip.provinceCode();
    caseTip.communeCode = tip.communeCode();
    caseTip.scamType = scamTypeOf(tip);
    caseTip.trust = tip.trust() == null ? TrustLevel.ANONYMOUS : tip.trust();
    caseTip.amountLostVnd = Math.max(0, tip.amountLostVnd());
    caseTip.latestTransferAt =
        tip.transfers() == null
            ? null
            : tip.transfers().stream()
                .filter(Objects::nonNull)
                .map(TransferV1::at)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null);
    caseTip.payload = json != null ? json : Json.write(tip);
    return caseTip;
  }

  /**
   * Whether the tip gave transfer details to this identifier: a transfer to that very account, or,
   * for identifiers that are not accounts, any transfer.
   */
  static boolean withTransfers(TipReceivedV1 tip, Candidate c) {
    if (tip.transfers() == null || tip.transfers().isEmpty()) {
      return false;
    }
    if (c.type() != IdentifierType.BANK_ACCOUNT) {
      return true;
    }
    return tip.transfers().stream()
        .filter(t -> t != null && t.bankBin() != null && t.accountNumber() != null)
        .anyMatch(t -> Candidate.account(t.bankBin(), t.accountNumber(), 1).key().equals(c.key()));
  }

  /** A new identifier row in the case. */
  public static CaseIdentifier addIdentifier(
      FraudCase c, Candidate candidate, Instant at, int identified, int reports) {
    CaseIdentifier row = new CaseIdentifier();
    row.caseId = c.id;
    row.type = candidate.type();
    row.value = candidate.value();
    row.bankBin = candidate.bankBin();
    row.foreignNumber = candidate.foreign();
    row.layer = candidate.layer();
    row.reportCount = reports;
    row.identifiedReports = identified;
    row.firstReportedAt = at;
    row.lastReportedAt = at;
    row.persist();
    return row;
  }
}
