package io.fraudtip.notification.webhook;

import java.util.List;
import java.util.UUID;

/**
 * A delivery claimed for one attempt, with what the attempt needs.
 *
 * @param deliveryId the delivery
 * @param webhookId its webhook-id, the same on every attempt and replay
 * @param endpointId the endpoint it goes to
 * @param url the endpoint's URL
 * @param secrets the signing secrets in force: the current one, and the earlier ones whose
 *     rotation's grace has not ended
 * @param payload the body, written when the alert was raised
 * @param eventType the alert's type
 * @param traceparent the trace context stored with the alert, or null
 * @param tracestate its tracestate, or null
 * @param leasedUntilMs when the lease of a delivery handed over in memory ends (epoch millis): one
 *     that waited for a slot is sent only while its lease outlasts the request; 0 for a claimed
 *     one, sent at once
 * @param lease the lease the attempt holds the row under ({@code delivery.lease}): its answer
 *     changes the delivery's round only while the row's lease is still this one
 */
record ClaimedDelivery(
    UUID deliveryId,
    String webhookId,
    UUID endpointId,
    String url,
    List<String> secrets,
    String payload,
    String eventType,
    String traceparent,
    String tracestate,
    long leasedUntilMs,
    int lease) {}
