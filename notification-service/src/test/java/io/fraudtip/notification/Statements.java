package io.fraudtip.notification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.hibernate.SessionEventListener;

/**
 * Counts what a Hibernate session sends to the database (as case-service's BatchedInsertsTest
 * does): single statements, JDBC batches and flushes (Hibernate flushes the session before every
 * native query unless told not to, dirty-checking whatever it holds). Statements run on the
 * session's connection by hand ({@code Session.doWork}) pass unseen.
 */
public final class Statements implements SessionEventListener {
  private int single;
  private int batches;
  private int flushes;

  @Override
  public void jdbcExecuteStatementStart() {
    single++;
  }

  @Override
  public void jdbcExecuteBatchStart() {
    batches++;
  }

  @Override
  public void flushStart() {
    flushes++;
  }

  /**
   * Runs the work in a transaction of its own, counting what its session sends, commit included.
   */
  public Statements count(EntityManager em, Runnable work) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              em.unwrap(Session.class).addEventListeners(this);
              work.run();
            });
    return this;
  }

  public int single() {
    return single;
  }

  public int batches() {
    return batches;
  }

  public int flushes() {
    return flushes;
  }

  @Override
  public String toString() {
    return single + " single statements, " + batches + " JDBC batches, " + flushes + " flushes";
  }
}
