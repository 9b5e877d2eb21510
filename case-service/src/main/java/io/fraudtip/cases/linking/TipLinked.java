package io.fraudtip.cases.linking;

import io.fraudtip.cases.core.FraudCase;
import java.util.UUID;

/**
 * Fired (synchronously, in the linking transaction) when a tip has joined its case, before the
 * case's counts are updated: what waited for the tip can attach to the case now.
 */
public record TipLinked(UUID tipId, FraudCase target) {}
