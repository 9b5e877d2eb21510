package io.fraudtip.notification.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A CDI event fired in the transaction that disabled an endpoint, whoever did (the failure rule, a
 * 410, the bank or an operator), so that the bank and the operators are told once.
 *
 * @param endpointId the endpoint
 * @param bankBin its bank
 * @param url where it received webhooks
 * @param reason {@link BankEndpoint#DISABLED_FAILING}, {@code DISABLED_GONE} or {@code
 *     DISABLED_BY_USER}
 * @param why the reason in words, for the operators' notice
 * @param at when
 */
public record EndpointDisabled(
    UUID endpointId, String bankBin, String url, String reason, String why, Instant at) {}
