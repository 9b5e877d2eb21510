package io.fraudtip.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * A request that failed because the database was out of reach (restarting, a lost connection, a
 * pool with none to give) is answered 503 with Retry-After, not 500: nothing was stored and the
 * same request will succeed once it is back.
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
  void aFailureOfTheWorkItselfStaysA500() {
    var tooLong = new SQLException("value too long for type character varying(512)", "22001");

    assertThat(ProblemMapper.failure(new RuntimeException(tooLong), null).getStatus())
        .isEqualTo(500);
  }
}
