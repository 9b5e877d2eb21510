package io.fraudtip.notification.webhook;

import io.fraudtip.contracts.tips.ScamType;
import io.fraudtip.contracts.tips.TrustLevel;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of a webhook, in the Standard Webhooks shape {@code {type, timestamp, data}}. Written
 * once when the alert is raised, so that every attempt and replay sends the same bytes.
 *
 * @param type the event type, e.g. {@code account.reported}
 * @param timestamp when the alert was raised
 * @param data the alert
 */
public record WebhookPayload(String type, Instant timestamp, Data data) {

  /**
   * What the bank is told. Fields that do not apply to a type are left out.
   *
   * @param alertId the alert, to answer on {@code POST /api/v1/alerts/{alertId}/responses}
   * @param advisory true for everything but a police unit's freeze request: watch, warn the
   *     customer, hold under the bank's own rules
   * @param bankBin the bank holding the account
   * @param bankName its name in the directory
   * @param accountNumber the account
   * @param accountName the holder's name as a victim saw it (account.reported)
   * @param layer 1 for the account a victim paid, 2 and up along the money trail
   * @param sequence per-account sequence: drop an alert whose sequence is lower than one already
   *     processed for the same account
   * @param reportCount tips naming the account so far (account.reported)
   * @param trust how far the tip can be trusted on its own (account.reported)
   * @param scamType kind of fraud reported (account.reported)
   * @param tipId the tip (account.reported)
   * @param caseId the case, when known
   * @param caseReference the case's reference, when known
   * @param unitCode the police unit of the case (case events)
   * @param transfers the victims' transfers to the account named by the tip
   * @param reportedAt when the tip was accepted (account.reported)
   * @param occurredAt when the fraud or case event happened
   * @param note a short note of the police unit (case events)
   */
  @Schema(name = "WebhookAlert")
  public record Data(
      UUID alertId,
      boolean advisory,
      String bankBin,
      String bankName,
      String accountNumber,
      String accountName,
      int layer,
      long sequence,
      Integer reportCount,
      TrustLevel trust,
      ScamType scamType,
      UUID tipId,
      UUID caseId,
      String caseReference,
      String unitCode,
      List<Transfer> transfers,
      Instant reportedAt,
      Instant occurredAt,
      String note) {}

  /**
   * A victim's transfer to the alerted account.
   *
   * @param amountVnd amount in dong
   * @param at when it was made
   */
  public record Transfer(long amountVnd, Instant at) {}
}
