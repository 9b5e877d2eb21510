package io.fraudtip.cases.freezes;

import io.fraudtip.cases.api.CaseViews.FreezeRequestView;
import io.fraudtip.cases.api.CaseViews.FrozenAccountView;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A case's freeze requests as the case detail shows them. */
public final class FreezeViews {
  private FreezeViews() {}

  /** The case's freeze requests, oldest first, each with the accounts it authorised. */
  public static List<FreezeRequestView> ofCase(UUID caseId) {
    Map<UUID, List<FrozenAccountView>> accounts =
        AccountFreeze.ofCase(caseId).stream()
            .collect(
                Collectors.groupingBy(
                    f -> f.requestId,
                    Collectors.mapping(
                        f ->
                            new FrozenAccountView(
                                f.bankBin,
                                f.accountNumber,
                                f.layer,
                                f.byStandingOrder,
                                f.holdAmountVnd,
                                f.holdExpiresAt,
                                f.requestedAt),
                        Collectors.toList())));
    return FreezeRequest.ofCase(caseId).stream()
        .map(
            r ->
                new FreezeRequestView(
                    r.id,
                    r.unitCode,
                    r.requestedBy,
                    r.requestedAt,
                    r.note,
                    r.followTrail,
                    r.maxLayer,
                    r.trailUntil,
                    accounts.getOrDefault(r.id, List.of())))
        .toList();
  }
}
