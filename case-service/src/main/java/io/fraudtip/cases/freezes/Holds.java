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
        if (t != null && bankBin.equals(t.bankBin()) && accountNumber.equals(t.accountNumber())) {
          sum += Math.max(0, t.amountVnd());
          known = true;
        }
      }
    }
    for (AccountTrace trace :
        AccountTrace.<AccountTrace>list(
            "caseId = ?1 and bankBin = ?2 and accountNumber = ?3",
            caseId,
            bankBin,
            accountNumber)) {
      sum += trace.amountVnd;
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
