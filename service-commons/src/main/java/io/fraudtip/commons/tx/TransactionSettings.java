package io.fraudtip.commons.tx;

import jakarta.persistence.EntityManager;
import java.sql.Statement;
import org.hibernate.Session;

/** Runs a statement that sets how the caller's transaction behaves, on its own connection. */
final class TransactionSettings {
  private TransactionSettings() {}

  static void apply(EntityManager em, String sql) {
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              try (Statement s = connection.createStatement()) {
                s.execute(sql);
              }
            });
  }
}
