package io.fraudtip.contracts.alerts;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code alert-deliveries.v1}: an alert reached its bank for the first time (the bank's
 * endpoint answered 2xx). Published once per alert, however many attempts or replays it took, so
 * that case-service can show "bank alerted" in the case timeline and measure the time from a tip to
 * the bank's alert and from the alert to the bank's answer.
 *
 * @param eventId id of this event (also the CloudEvent id); stable for one alert
 * @param alertId the alert delivered, also the record key
 * @param webhookType the webhook event type delivered, e.g. {@code account.reported}
 * @param caseId the case the alert was about, when known
 * @param tipId the tip that raised the alert, when it came from a tip
 * @param bankBin the bank alerted
 * @param accountNumber the alerted account
 * @param layer the alerted account's layer in the money trail (1 = the account the victim paid)
 * @param triggeredAt when the cause of the alert happened: the tip's receipt for {@code
 *     account.reported}, the case event's time otherwise
 * @param deliveredAt when the bank's endpoint first answered 2xx
 * @param attempts attempts it took, counting the successful one
 */
public record AlertDeliveredV1(
    UUID eventId,
    UUID alertId,
    String webhookType,
    UUID caseId,
    UUID tipId,
    String bankBin,
    String accountNumber,
    int layer,
    Instant triggeredAt,
    Instant deliveredAt,
    int attempts) {}
