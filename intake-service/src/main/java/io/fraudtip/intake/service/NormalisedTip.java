package io.fraudtip.intake.service;

import io.fraudtip.contracts.tips.Channel;
import io.fraudtip.contracts.tips.IdentifierV1;
import io.fraudtip.contracts.tips.ScamType;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.contracts.tips.TipSourceV1;
import io.fraudtip.contracts.tips.TransferV1;
import io.fraudtip.contracts.tips.TrustLevel;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A tip that passed every input rule, in its normalised form. */
public record NormalisedTip(
    Channel channel,
    ReporterData reporter,
    String provinceCode,
    String communeCode,
    Instant occurredAt,
    ScamType scamType,
    String description,
    long amountLostVnd,
    List<TransferV1> transfers,
    List<IdentifierV1> identifiers) {

  /** How far the tip can be trusted on its own. */
  public TrustLevel trust() {
    return TrustLevel.of(reporter != null, !transfers.isEmpty());
  }

  /** The tips.v1 event of the tip: no reporter data, only the trust level and source keys. */
  public TipReceivedV1 toEvent(
      UUID tipId, String trackingCode, Instant receivedAt, TipSourceV1 source) {
    return new TipReceivedV1(
        tipId,
        trackingCode,
        receivedAt,
        channel,
        trust(),
        provinceCode,
        communeCode,
        occurredAt,
        scamType,
        description,
        amountLostVnd,
        transfers,
        identifiers,
        source);
  }
}
