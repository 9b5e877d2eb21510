package io.fraudtip.contracts.cases;

import java.time.Instant;
import java.util.UUID;

/**
 * The police request that authorised a freeze request: the unit's own request naming the account,
 * or its standing order to follow the money trail.
 *
 * @param requestId the unit's freeze request (case-service {@code freeze_request})
 * @param unitCode the unit that made it
 * @param requestedAt when it made it
 * @param standingOrder true when the account was not named but traced while the request's standing
 *     order was in force
 */
public record FreezeAuthorisationV1(
    UUID requestId, String unitCode, Instant requestedAt, boolean standingOrder) {}
