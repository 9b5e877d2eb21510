package io.fraudtip.cases.linking;

import io.fraudtip.cases.core.FraudCase;
import java.util.Map;
import java.util.UUID;

/**
 * Fired (synchronously, in the linking transaction) once a batch's tips have joined their cases,
 * before the cases are announced: what waited for the tips can attach to their cases now, for the
 * whole batch at once.
 *
 * @param targets each tip's case now, after the batch's merges (a case the batch opened is not
 *     stored yet: persisted at the end of the batch)
 */
public record TipsLinked(Map<UUID, FraudCase> targets) {}
