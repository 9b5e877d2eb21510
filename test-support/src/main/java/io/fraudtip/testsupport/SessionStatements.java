package io.fraudtip.testsupport;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.hibernate.SessionEventListener;

/**
 * Counts what a Hibernate session sends to the database: single statements, JDBC batches, flushes,
 * and the walks of the session before queries (auto-flush checks that went through its entities:
 * Hibernate makes one before every query unless told not to). Statements run on the session's
 * connection by hand ({@code Session.doWork}) pass unseen. Tests that bound a path's statements use
 * it, never a timing.
 */
public final class SessionStatements implements SessionEventListener {
  private int single;
  private int batches;
  private int flushes;
  private int walks;
  private long entitiesWalked;

  /**
   * Runs the work in a transaction of its own, counting what its session sends, commit included.
   */
  public static SessionStatements count(EntityManager em, Runnable work) {
    SessionStatements statements = new SessionStatements();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              em.unwrap(Session.class).addEventListeners(statements);
              work.run();
            });
    return statements;
  }

  @Override
  public void jdbcExecuteStatementStart() {
    single++;
  }

  @Override
  public void jdbcExecuteBatchStart() {
    batches++;
  }

  @Override
  public void flushEnd(int entities, int collections) {
    flushes++;
    entitiesWalked += entities;
  }

  @Override
  public void partialFlushEnd(int entities, int collections) {
    if (entities > 0) {
      walks++;
      entitiesWalked += entities;
    }
  }

  /** Statements sent one by one. */
  public int single() {
    return single;
  }

  /** JDBC batches sent. */
  public int batches() {
    return batches;
  }

  /** Full flushes of the session. */
  public int flushes() {
    return flushes;
  }

  /** Auto-flush checks that walked at least one entity. */
  public int walks() {
    return walks;
  }

  /** Entities the flushes and walks went through, in all. */
  public long entitiesWalked() {
    return entitiesWalked;
  }

  @Override
  public String toString() {
    return String.format(
        "%d single statements, %d JDBC batches, %d flushes, %d auto-flush walks (%d entities"
            + " walked in all)",
        single, batches, flushes, walks, entitiesWalked);
  }
}
