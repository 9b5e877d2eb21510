package io.fraudtip.cases.freezes;

import io.fraudtip.cases.config.FreezeConfig;
import io.fraudtip.cases.core.CaseTip;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.contracts.tips.TransferV1;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

/**
 * How much a freeze request asks a bank to hold, and until when (SPEC §10, "Holds are bounded"):
 * what reached the account as far as the case knows, never the whole balance, for a bounded time.
 */
@ApplicationScoped
class Holds {
  private final FreezeConfig config;

  Holds(FreezeConfig config) {
    this.config = config;
  }

  /** When a hold requested now lapses. */
  Instant expiry(Instant now) {
    return now.plus(config.holdDuration());
  }

  /**
   * What reached the account: the victims' transfers to it in the case's tips, and the amounts
   * banks' answers traced on to it; null when the case knows of none.
   */
  Long amount(UUID caseId, String bankBin, String accountNumber) {
    long sum = 0;
    boolean known = false;
    for (CaseTip tip : CaseTip.ofCase(caseId)) {
      TipReceivedV1 received = read(tip.payload);
      if (received == null || received.transfers() == null) {
        continue;
      }
      for (TransferV1 t : received.transfers()) {
        // A transfer of 0 (stored before a transfer's amount was required) says nothing of what
        // reached the account: unknown, as notification-service's answer bounds read it.
        if (t != null
            && t.amountVnd() > 0
            && bankBin.equals(t.bankBin())
            && accountNumber.equals(t.accountNumber())) {
          sum += t.amountVnd();
          known = true;
        }
      }
    }
    // The traces of the banks' current answers only: an answer sent again, or corrected,
    // supersedes the earlier one, whose traces would count its money twice.
    Object[] traced =
        (Object[])
            AccountTrace.getEntityManager()
                .createNativeQuery(
                    "SELECT coalesce(sum(t.amount_vnd), 0), count(*) FROM account_trace t"
                        + " WHERE t.case_id = ?1 AND t.bank_bin = ?2 AND t.account_number = ?3"
                        + " AND NOT EXISTS (SELECT 1 FROM bank_response b"
                        + " WHERE b.response_id = t.response_id AND b.superseded_at IS NOT NULL)")
                .setParameter(1, caseId)
                .setParameter(2, bankBin)
                .setParameter(3, accountNumber)
                .getSingleResult();
    if (((Number) traced[1]).longValue() > 0) {
      sum += ((Number) traced[0]).longValue();
      known = true;
    }
    return known ? sum : null;
  }

  private static TipReceivedV1 read(String payload) {
    try {
      return Json.events().readValue(payload, TipReceivedV1.class);
    } catch (IOException e) {
      return null;
    }
  }
}
