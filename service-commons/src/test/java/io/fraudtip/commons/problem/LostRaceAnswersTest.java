package io.fraudtip.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * A transaction that lost a race on locks (a deadlock, a serialization failure) is answered 503
 * with Retry-After, not 500: nothing was committed and the same request may succeed. A unique key
 * taken is not such a race at the REST boundary (it may be the request's own duplicate): a 409.
 */
class LostRaceAnswersTest {
  @Test
  void aDeadlockDeepInTheCausesIsA503WithRetryAfter() {
    var deadlock = new SQLException("deadlock detected", "40P01");
    var failure = new RuntimeException("commit failed", new PersistenceException(deadlock));

    Response answer = ProblemMapper.failure(failure, null);

    assertThat(answer.getStatus()).isEqualTo(503);
    assertThat(answer.getHeaderString("Retry-After")).isEqualTo("1");
    assertThat(((Problem) answer.getEntity()).type()).isEqualTo("contention");
  }

  @Test
  void aDeadlockSuppressedUnderARollbackFailureIsFoundToo() {
    var rollback = new IllegalStateException("rollback failed");
    rollback.addSuppressed(new SQLException("could not serialize access", "40001"));

    assertThat(ProblemMapper.failure(rollback, null).getStatus()).isEqualTo(503);
  }

  @Test
  void aUniqueKeyTakenIsA409AndAnyOtherFailureA500() {
    var duplicate = new RuntimeException(new SQLException("duplicate key", "23505"));

    assertThat(ProblemMapper.failure(duplicate, null).getStatus()).isEqualTo(409);
    assertThat(ProblemMapper.failure(duplicate, null).getHeaderString("Retry-After")).isNull();
    assertThat(ProblemMapper.failure(new NullPointerException(), null).getStatus()).isEqualTo(500);
  }

  /** An endpoint deleted while a delivery to it was being written: a 409, not a 500. */
  @Test
  void aForeignKeyBrokenAtTheSameMomentIsA409() {
    var gone =
        new RuntimeException(
            new PersistenceException(new SQLException("violates foreign key constraint", "23503")));

    Response answer = ProblemMapper.failure(gone, null);

    assertThat(answer.getStatus()).isEqualTo(409);
    assertThat(((Problem) answer.getEntity()).type()).isEqualTo("conflict");
  }
}
