package io.fraudtip.notification.webhook;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Seals, at start-up, signing secrets stored in the clear before they were sealed (a database of an
 * earlier version): SQL cannot, since only the service holds the key.
 */
@ApplicationScoped
public class SecretSealing {
  private static final Logger LOG = Logger.getLogger(SecretSealing.class);

  private final EntityManager em;
  private final SigningSecrets secrets;

  SecretSealing(EntityManager em, SigningSecrets secrets) {
    this.em = em;
    this.secrets = secrets;
  }

  void onStart(@Observes StartupEvent event) {
    int sealed = sealClearSecrets();
    if (sealed > 0) {
      LOG.infof("Sealed the signing secrets of %d endpoint(s) stored in the clear", sealed);
    }
  }

  /**
   * Seals every current or previous secret still in the clear.
   *
   * @return the endpoints changed
   */
  @Transactional
  public int sealClearSecrets() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, secret_sealed, previous_secret_sealed FROM bank_endpoint"
                    + " WHERE secret_sealed LIKE 'whsec\\_%' OR previous_secret_sealed LIKE 'whsec\\_%'"
                    + " FOR UPDATE")
            .getResultList();
    for (Object[] row : rows) {
      UUID id = (UUID) row[0];
      em.createNativeQuery(
              "UPDATE bank_endpoint SET secret_sealed = :secret,"
                  + " previous_secret_sealed = :previous WHERE id = :id")
          .setParameter("secret", sealIfClear(id, (String) row[1]))
          .setParameter("previous", sealIfClear(id, (String) row[2]))
          .setParameter("id", id)
          .executeUpdate();
    }
    return rows.size();
  }

  private String sealIfClear(UUID id, String stored) {
    return SigningSecrets.isClear(stored) ? secrets.seal(id, stored) : stored;
  }
}
