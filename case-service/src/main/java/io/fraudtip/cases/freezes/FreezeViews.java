package io.fraudtip.cases.freezes;

import io.fraudtip.cases.api.CaseViews.FreezeRequestView;
import io.fraudtip.cases.api.CaseViews.FrozenAccountView;
import io.fraudtip.cases.api.CaseViews.HoldExtensionView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A case's freeze requests as the case detail shows them, each hold with its state. */
public final class FreezeViews {
  private FreezeViews() {}

  /** The case's freeze requests, oldest first, each with the accounts it authorised. */
  public static List<FreezeRequestView> ofCase(UUID caseId) {
    List<AccountFreeze> holds = AccountFreeze.ofCase(caseId);
    // A hold past its expiry has ended, whether or not the expiry job (every minute) marked it.
    Instant now = Instant.now();
    Map<UUID, List<HoldExtensionView>> extensions =
        HoldExtension.ofHolds(holds.stream().map(f -> f.id).toList()).stream()
            .collect(
                Collectors.groupingBy(
                    e -> e.freezeId,
                    Collectors.mapping(
                        e ->
                            new HoldExtensionView(
                                e.unitCode,
                                e.extendedBy,
                                e.extendedAt,
                                e.reason,
                                e.previousExpiresAt,
                                e.newExpiresAt),
                        Collectors.toList())));
    Map<UUID, List<FrozenAccountView>> accounts =
        holds.stream()
            .collect(
                Collectors.groupingBy(
                    f -> f.requestId,
                    Collectors.mapping(
                        f ->
                            new FrozenAccountView(
                                f.id,
                                f.bankBin,
                                f.accountNumber,
                                f.layer,
                                f.byStandingOrder,
                                f.holdAmountVnd,
                                f.holdExpiresAt,
                                f.requestedAt,
                                lapsed(f, now) ? HoldState.EXPIRED : f.state,
                                extensions.getOrDefault(f.id, List.of()),
                                lapsed(f, now) ? f.holdExpiresAt : f.endedAt,
                                f.endedBy,
                                f.endReason),
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

  private static boolean lapsed(AccountFreeze f, Instant now) {
    return f.state == HoldState.HELD && !f.runsAt(now);
  }
}
