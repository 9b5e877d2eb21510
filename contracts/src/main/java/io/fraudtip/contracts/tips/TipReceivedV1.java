package io.fraudtip.contracts.tips;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Payload of {@code tips.v1}: an accepted, normalised tip. Carries no reporter personal data, only
 * whether the reporter identified themselves (in {@link #trust()}).
 *
 * @param tipId the tip's id, also the record key
 * @param trackingCode the code the citizen follows the tip with
 * @param receivedAt when intake accepted the tip
 * @param channel how the tip arrived
 * @param trust how far the tip can be trusted on its own
 * @param provinceCode victim's province (2-digit statistics-office code)
 * @param communeCode victim's commune (5-digit code), may be null
 * @param occurredAt when the fraud happened
 * @param scamType kind of fraud
 * @param description the victim's account of what happened
 * @param amountLostVnd total amount lost in dong
 * @param transfers transfers the victim made
 * @param identifiers the scammer's identifiers, normalised
 * @param source where the tip came from, as pseudonymous keys; null in events written before it
 *     existed (each such tip counts as a source of its own)
 */
public record TipReceivedV1(
    UUID tipId,
    @Schema(example = "K7QM-4XRT-9P") String trackingCode,
    Instant receivedAt,
    Channel channel,
    TrustLevel trust,
    @Schema(example = "66") String provinceCode,
    @Schema(example = "24133") String communeCode,
    Instant occurredAt,
    ScamType scamType,
    @Schema(example = "Người gọi tự xưng công an, yêu cầu chuyển tiền để xác minh")
        String description,
    @Schema(example = "45000000") long amountLostVnd,
    List<TransferV1> transfers,
    List<IdentifierV1> identifiers,
    TipSourceV1 source) {

  /** A tip without a known source (as events written before sources existed read). */
  public TipReceivedV1(
      UUID tipId,
      String trackingCode,
      Instant receivedAt,
      Channel channel,
      TrustLevel trust,
      String provinceCode,
      String communeCode,
      Instant occurredAt,
      ScamType scamType,
      String description,
      long amountLostVnd,
      List<TransferV1> transfers,
      List<IdentifierV1> identifiers) {
    this(
        tipId,
        trackingCode,
        receivedAt,
        channel,
        trust,
        provinceCode,
        communeCode,
        occurredAt,
        scamType,
        description,
        amountLostVnd,
        transfers,
        identifiers,
        null);
  }
}
