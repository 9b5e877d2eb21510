package io.fraudtip.loadtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudtip.localstack.infra.FreePorts;
import io.fraudtip.localstack.infra.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The soak's statement costs, read from a real PostgreSQL with pg_stat_statements preloaded. */
class StatementStatsTest {
  @Test
  void aStatementWhoseCostGrowsMinuteByMinuteIsNamedWithItsCallsAndBlocksPerCall(@TempDir Path dir)
      throws Exception {
    try (PostgresServer pg =
        PostgresServer.start(dir, FreePorts.pick(), StatementStats.SERVER_SETTINGS)) {
      pg.ensureDatabase("soak");
      try (Connection c =
              DriverManager.getConnection(
                  pg.jdbcUrl("soak"), PostgresServer.USER, PostgresServer.PASSWORD);
          Statement st = c.createStatement()) {
        st.execute("CREATE TABLE queue (id bigserial PRIMARY KEY, done boolean NOT NULL)");
        StatementStats stats = StatementStats.start(pg);
        for (int minute = 1; minute <= 3; minute++) {
          // the table grows, so the same scan reads more blocks each "minute"
          st.execute(
              "INSERT INTO queue (done) SELECT true FROM generate_series(1, "
                  + minute * 20000
                  + ")");
          for (int i = 0; i < 5; i++) {
            st.executeQuery("SELECT count(*) FROM queue WHERE NOT done").close();
          }
          // a backend reports its table statistics when idle, at most once a second unless asked
          st.execute("SELECT pg_stat_force_next_flush()");
          stats.minute();
        }

        String md = stats.markdown(3);

        assertThat(md)
            .contains("minute 2 against minute 3")
            .contains("| soak | `SELECT count(*) FROM queue WHERE NOT done` | 5 → 5 |")
            .contains("Execution time of all statements, ms a minute:")
            .containsPattern(
                "(?s)statements that cost most in the last minute:.*"
                    + "\\| soak \\| `SELECT count\\(\\*\\) FROM queue WHERE NOT done` \\| 5 \\|")
            // the table read whole five times a minute: 60,000 rows in the second, 120,000 in the
            // third
            .contains("| soak.queue | 300000 → 600000 |");
      }
    }
  }
}
