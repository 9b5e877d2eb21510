package io.fraudtip.intake.service;

import io.fraudtip.contracts.tips.IdentifierType;
import io.fraudtip.contracts.tips.IdentifierV1;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.contracts.tips.TransferV1;
import io.fraudtip.contracts.tips.TrustLevel;
import io.fraudtip.intake.rest.TipSubmission;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Turns a valid submission into the normalised tips.v1 event. */
@ApplicationScoped
public class TipNormaliser {

  public TipReceivedV1 toEvent(
      UUID tipId, String trackingCode, Instant receivedAt, TipSubmission s) {
    List<TransferV1> transfers =
        s.transfers() == null
            ? List.of()
            : s.transfers().stream()
                .map(
                    t ->
                        new TransferV1(
                            t.bank().trim(),
                            account(t.accountNumber()),
                            t.accountName(),
                            t.amountVnd(),
                            t.at()))
                .toList();
    List<IdentifierV1> identifiers = new ArrayList<>();
    if (s.scammer() != null) {
      var sc = s.scammer();
      each(sc.phones(), p -> identifiers.add(id(IdentifierType.PHONE, p.trim(), null)));
      each(
          sc.bankAccounts(),
          a ->
              identifiers.add(
                  id(
                      IdentifierType.BANK_ACCOUNT,
                      a.bank().trim() + ":" + account(a.accountNumber()),
                      a.bank().trim())));
      each(sc.urls(), u -> identifiers.add(id(IdentifierType.URL, u.trim(), null)));
      each(
          sc.socialAccounts(),
          a ->
              identifiers.add(
                  id(
                      IdentifierType.SOCIAL_ACCOUNT,
                      a.platform().trim().toUpperCase() + ":" + a.handle().trim(),
                      null)));
      each(sc.cryptoWallets(), w -> identifiers.add(id(IdentifierType.CRYPTO_WALLET, w, null)));
      each(sc.appPackages(), p -> identifiers.add(id(IdentifierType.APP_PACKAGE, p, null)));
    }
    boolean identified = s.reporter() != null;
    return new TipReceivedV1(
        tipId,
        trackingCode,
        receivedAt,
        s.channel(),
        TrustLevel.of(identified, !transfers.isEmpty()),
        s.location().provinceCode(),
        s.location().communeCode(),
        s.occurredAt(),
        s.scamType(),
        s.description(),
        s.amountLostVnd(),
        transfers,
        identifiers);
  }

  private static IdentifierV1 id(IdentifierType type, String value, String bin) {
    return new IdentifierV1(type, value, bin, null, false);
  }

  private static String account(String raw) {
    return raw.replaceAll("[\\s.\\-]", "");
  }

  private static <T> void each(List<T> list, java.util.function.Consumer<T> action) {
    if (list != null) {
      list.forEach(action);
    }
  }
}
