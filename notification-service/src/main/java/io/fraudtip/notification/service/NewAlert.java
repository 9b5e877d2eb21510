package io.fraudtip.notification.service;

import io.fraudtip.notification.webhook.WebhookPayload;
import java.time.Instant;
import java.util.UUID;

/**
 * An alert to raise, whatever its source. The alert's row takes the account, layer, sequence,
 * advisory flag, tip and case from {@code data}, so that the row and the webhook cannot disagree.
 *
 * @param sourceEventId the event that raised it
 * @param trace the W3C trace context its webhooks continue
 * @param type the webhook type, e.g. {@code account.reported}
 * @param data what the bank is told
 * @param triggeredAt when what it reports happened: the tip accepted, the case event
 */
record NewAlert(
    UUID sourceEventId,
    TraceParent trace,
    String type,
    WebhookPayload.Data data,
    Instant triggeredAt) {}
