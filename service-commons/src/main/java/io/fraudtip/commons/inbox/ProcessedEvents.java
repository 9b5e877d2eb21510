package io.fraudtip.commons.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

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
}
