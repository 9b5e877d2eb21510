package io.fraudtip.cases.linking;

import io.fraudtip.cases.core.FraudCase;
import java.util.Map;
import java.util.UUID;

/**
 * Fired (synchronously, in the linking transaction) once a batch's tips have joined their cases,
 * before the cases are announced: what waited for the tips can attach to their cases now, for the
 * whole batch at once.
 *
 * @param targets each tip's case as it joined it (a later tip of the batch may have merged that
 *     case into another since: follow it with {@code Cases.current})
 */
public record TipsLinked(Map<UUID, FraudCase> targets) {}
