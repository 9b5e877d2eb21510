package io.fraudtip.commons.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Consumer-side dedupe: the event id is recorded in the same transaction as the event's effect, so
 * a redelivered event (at-least-once delivery, a rebalance, a second instance) has no second
 * effect.
 */
@ApplicationScoped
public class ProcessedEvents {
  private final EntityManager em;

  ProcessedEvents(EntityManager em) {
    this.em = em;
  }

  /**
   * Records that this consumer processed the event.
   *
   * @return true the first time, false when the event was already processed
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean firstTime(UUID eventId, String consumer) {
    return em.createNativeQuery(
                "INSERT INTO processed_event (event_id, consumer, processed_at)"
                    + " VALUES (:id, :consumer, now()) ON CONFLICT DO NOTHING")
            .setParameter("id", eventId)
            .setParameter("consumer", consumer)
            .executeUpdate()
        == 1;
  }

  /**
   * Records that this consumer processed several events, in one statement: for consumers that take
   * a batch of records in one transaction.
   *
   * @return the ids processed for the first time (each once, however often it was given)
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Set<UUID> firstTimes(Collection<UUID> eventIds, String consumer) {
    if (eventIds.isEmpty()) {
      return new HashSet<>();
    }
    @SuppressWarnings("unchecked")
    List<UUID> fresh =
        em.createNativeQuery(
                "INSERT INTO processed_event (event_id, consumer, processed_at)"
                    + " SELECT DISTINCT id, :consumer, now()"
                    + " FROM unnest(CAST(:ids AS uuid[])) AS t(id)"
                    + " ON CONFLICT DO NOTHING RETURNING event_id",
                UUID.class)
            .setParameter(
                "ids",
                eventIds.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")))
            .setParameter("consumer", consumer)
            .getResultList();
    return new HashSet<>(fresh);
  }
}
