package io.fraudtip.cases.trust;

import io.fraudtip.contracts.tips.IdentifierType;

/**
 * A piece of evidence was recorded on an identifier, so its watchlist answer may have changed;
 * fired in the recording transaction, for observers after it commits (the watchlist forgets its
 * cached answer, so that a closure or a dispute shows at once on this instance).
 */
public record EvidenceAdded(IdentifierType type, String value) {}
