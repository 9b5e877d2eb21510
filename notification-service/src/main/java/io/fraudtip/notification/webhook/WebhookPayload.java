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
   * @param advisory true for everything but a police unit's order to hold ({@code
   *     freeze.requested}, {@code hold.extended}): watch, warn the customer, hold under the bank's
   *     own rules (an {@code account.traced} too: another bank's answer is no order to freeze)
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
   * @param transfers the victims' transfers to the account named by the tip (account.reported);
   *     what the tracing bank's answer says it sent on to the account (account.traced)
   * @param reportedAt when the tip was accepted (account.reported)
   * @param occurredAt when the fraud or case event happened
   * @param note a short note of the police unit (case events)
   * @param tracedBy the bank whose answer traced the money on to the account (account.traced, and
   *     freeze.requested under a standing order)
   * @param authorisation the police request that authorised the freeze (freeze.requested), or whose
   *     hold changed (hold.extended, hold.lifted, hold.expired)
   * @param holdAmountVnd the amount to hold: what reached the account as far as the case knows, not
   *     the whole balance (freeze.requested and hold.*; absent when unknown)
   * @param holdExpiresAt when the hold lapses unless the unit extends it (freeze.requested); the
   *     new expiry (hold.extended); the expiry it had (hold.lifted, hold.expired)
   * @param holdReason why the hold was extended or lifted (hold.extended, hold.lifted)
   * @param linkedAlertIds the {@code account.reported} alerts on the account whose tips the case
   *     now holds (case.linked)
   * @param disabledEndpoint the endpoint that was disabled (endpoint.disabled)
   */
  @Schema(name = "WebhookAlert")
  public record Data(
      UUID alertId,
      boolean advisory,
      @Schema(example = "970436") String bankBin,
      @Schema(example = "Vietcombank") String bankName,
      @Schema(example = "0071000123456") String accountNumber,
      @Schema(example = "NGUYEN VAN A") String accountName,
      @Schema(example = "1") int layer,
      @Schema(example = "3") long sequence,
      @Schema(example = "3") Integer reportCount,
      TrustLevel trust,
      ScamType scamType,
      UUID tipId,
      UUID caseId,
      @Schema(example = "VN-79B14337") String caseReference,
      @Schema(example = "PA05-66") String unitCode,
      List<Transfer> transfers,
      Instant reportedAt,
      Instant occurredAt,
      @Schema(example = "Tiền của bị hại chuyển vào tài khoản này ngày 25/11") String note,
      TracedBy tracedBy,
      Authorisation authorisation,
      @Schema(example = "45000000") Long holdAmountVnd,
      Instant holdExpiresAt,
      @Schema(example = "Chờ quyết định phong tỏa của Tòa án nhân dân tỉnh Đắk Lắk")
          String holdReason,
      @Schema(example = "[\"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d\"]") List<UUID> linkedAlertIds,
      DisabledEndpoint disabledEndpoint) {

    /** What the bank is told about one of its accounts (every type but the two newest). */
    public Data(
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
        String note,
        TracedBy tracedBy,
        Authorisation authorisation,
        Long holdAmountVnd,
        Instant holdExpiresAt,
        String holdReason) {
      this(
          alertId,
          advisory,
          bankBin,
          bankName,
          accountNumber,
          accountName,
          layer,
          sequence,
          reportCount,
          trust,
          scamType,
          tipId,
          caseId,
          caseReference,
          unitCode,
          transfers,
          reportedAt,
          occurredAt,
          note,
          tracedBy,
          authorisation,
          holdAmountVnd,
          holdExpiresAt,
          holdReason,
          null,
          null);
    }
  }

  /**
   * An endpoint of the bank that no longer receives webhooks.
   *
   * @param endpointId the endpoint
   * @param url where it received them
   * @param reason FAILING (no success for days), GONE (it answered 410) or BY_USER (the bank or an
   *     operator paused or removed it)
   * @param disabledAt when it was disabled
   */
  @Schema(name = "WebhookDisabledEndpoint")
  public record DisabledEndpoint(
      UUID endpointId,
      @Schema(example = "https://hooks.vietcombank.example/fraudtip") String url,
      @Schema(example = "FAILING") String reason,
      Instant disabledAt) {}

  /**
   * The bank whose answer traced money on to the alerted account.
   *
   * @param bankBin its NAPAS BIN
   * @param bankName its name in the directory
   */
  @Schema(name = "WebhookTracedBy")
  public record TracedBy(
      @Schema(example = "970436") String bankBin,
      @Schema(example = "Vietcombank") String bankName) {}

  /**
   * The police request behind a freeze request: a bank freezes on a police unit's word only.
   *
   * @param requestId the unit's freeze request
   * @param unitCode the unit that made it
   * @param requestedAt when it made it
   * @param standingOrder true when the unit did not name this account but ordered the platform to
   *     follow the money trail, and this account was traced while the order was in force
   */
  @Schema(name = "WebhookFreezeAuthorisation")
  public record Authorisation(
      UUID requestId,
      @Schema(example = "PA05-66") String unitCode,
      Instant requestedAt,
      boolean standingOrder) {}

  /**
   * A victim's transfer to the alerted account.
   *
   * @param amountVnd amount in dong
   * @param at when it was made
   */
  public record Transfer(@Schema(example = "45000000") long amountVnd, Instant at) {}
}
