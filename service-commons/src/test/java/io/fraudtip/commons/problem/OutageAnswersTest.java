package io.fraudtip.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * How a request that failed in the database is answered. Out of reach (restarting, a lost
 * connection, a pool with none to give): 503 with Retry-After, not 500, since nothing was stored
 * and the same request will succeed once it is back. A value it refuses: 400. A key another request
 * took at the same moment: 409. Anything else: 500.
 */
class OutageAnswersTest {
  @Test
  void aLostOrRefusedConnectionIsA503WithRetryAfter() {
    var lost = new SQLException("An I/O error occurred while sending to the backend.", "08006");
    var terminated =
        new SQLException("terminating connection due to administrator command", "57P01");
    var noConnection = new SQLException("Acquisition timeout while waiting for new connection");

    for (Exception cause : new Exception[] {lost, terminated, noConnection}) {
      Response answer =
          ProblemMapper.failure(new RuntimeException(new PersistenceException(cause)), null);
      assertThat(answer.getStatus()).isEqualTo(503);
      assertThat(answer.getHeaderString("Retry-After")).isEqualTo("5");
      assertThat(((Problem) answer.getEntity()).type()).isEqualTo("unavailable");
    }
    assertThat(
            ProblemMapper.failure(new IllegalStateException(new ConnectException("refused")), null)
                .getStatus())
        .isEqualTo(503);
  }

  @Test
  void aValueTheDatabaseRefusesIsA400AndAKeyTakenMeanwhileA409() {
    var tooLong = new SQLException("value too long for type character varying(512)", "22001");
    var nul = new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021");
    var taken = new SQLException("duplicate key value violates unique constraint", "23505");

    for (SQLException refused : new SQLException[] {tooLong, nul}) {
      Response answer =
          ProblemMapper.failure(new RuntimeException(new PersistenceException(refused)), null);
      assertThat(answer.getStatus()).isEqualTo(400);
      assertThat(((Problem) answer.getEntity()).type()).isEqualTo("invalid-value");
    }
    Response conflict = ProblemMapper.failure(new PersistenceException(taken), null);
    assertThat(conflict.getStatus()).isEqualTo(409);
    assertThat(((Problem) conflict.getEntity()).type()).isEqualTo("conflict");
  }

  @Test
  void aFailureOfTheWorkItselfStaysA500() {
    var broken = new SQLException("relation \"gone\" does not exist", "42P01");

    assertThat(ProblemMapper.failure(new RuntimeException(broken), null).getStatus())
        .isEqualTo(500);
    assertThat(ProblemMapper.failure(new IllegalStateException("bug"), null).getStatus())
        .isEqualTo(500);
  }
}
