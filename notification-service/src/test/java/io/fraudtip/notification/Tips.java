package io.fraudtip.notification;

import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.tips.Channel;
import io.fraudtip.contracts.tips.IdentifierType;
import io.fraudtip.contracts.tips.IdentifierV1;
import io.fraudtip.contracts.tips.ScamType;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.contracts.tips.TransferV1;
import io.fraudtip.contracts.tips.TrustLevel;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** tips.v1 payloads for the notification tests. */
public final class Tips {
  private Tips() {}

  /** A tip naming one paid account, {@code account} at {@code bin}. */
  public static String paying(UUID tipId, String bin, String account, long amountVnd) {
    return paying(tipId, bin, account, amountVnd, Instant.now());
  }

  /** A tip naming one paid account, accepted by intake at {@code receivedAt}. */
  public static String paying(
      UUID tipId, String bin, String account, long amountVnd, Instant receivedAt) {
    Instant now = receivedAt;
    return Json.write(
        new TipReceivedV1(
            tipId,
            "ABCD-EFGH-JK",
            now,
            Channel.WEB,
            TrustLevel.IDENTIFIED_WITH_TRANSFERS,
            "56",
            null,
            now.minusSeconds(600),
            ScamType.INVESTMENT_CRYPTO,
            "Lừa đảo đầu tư",
            amountVnd,
            List.of(new TransferV1(bin, account, "TRAN THI C", amountVnd, now.minusSeconds(300))),
            List.of()));
  }

  /** A tip naming one paid account at {@code paidBin} and one more account at {@code otherBin}. */
  public static String withAccounts(UUID tipId, String paidBin, String otherBin) {
    Instant now = Instant.now();
    return Json.write(
        new TipReceivedV1(
            tipId,
            "ABCD-EFGH-JK",
            now,
            Channel.MOBILE_APP,
            TrustLevel.ANONYMOUS_WITH_TRANSFERS,
            "66",
            null,
            now.minusSeconds(3600),
            ScamType.IMPERSONATION_AUTHORITY,
            "Giả danh công an",
            20_000_000,
            List.of(new TransferV1(paidBin, "1023456789", "NGUYEN VAN B", 20_000_000, now)),
            List.of(
                new IdentifierV1(
                    IdentifierType.BANK_ACCOUNT, otherBin + ":5566778899", otherBin, null, false),
                new IdentifierV1(IdentifierType.PHONE, "+84869123456", null, "VN", false))));
  }
}
