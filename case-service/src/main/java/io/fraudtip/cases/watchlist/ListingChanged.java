package io.fraudtip.cases.watchlist;

import io.fraudtip.contracts.tips.IdentifierType;

/**
 * An identifier's listing changed with no evidence recorded (an allow-listing delisted it); fired
 * in the changing transaction, for observers after it commits: the watchlist forgets its cached
 * answer, so that the change shows at once on this instance, as a closure or a dispute does.
 */
public record ListingChanged(IdentifierType type, String value) {}
