package io.fraudtip.commons.db;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness shows whether the database commits durably (SPEC §4: a 202 means the tip survives a
 * crash of the machine). A server with {@code synchronous_commit} or {@code fsync} off would answer
 * "accepted" for rows it may lose, so the service is not ready on it. Single transactions may still
 * turn it off for writes that can be lost without harm (the dispatcher's lease), which this
 * session-level reading does not see.
 */
@Readiness
@ApplicationScoped
public class DurableCommitsCheck implements HealthCheck {
  /** Values that wait for the local flush before a commit returns. */
  private static final Set<String> DURABLE = Set.of("on", "remote_write", "remote_apply", "local");

  private final DataSource dataSource;

  DurableCommitsCheck(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public HealthCheckResponse call() {
    var builder = HealthCheckResponse.named("durable-commits");
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      String synchronousCommit = show(s, "synchronous_commit");
      String fsync = show(s, "fsync");
      builder.withData("synchronous_commit", synchronousCommit).withData("fsync", fsync);
      return builder.status(DURABLE.contains(synchronousCommit) && "on".equals(fsync)).build();
    } catch (SQLException e) {
      return builder.down().withData("error", String.valueOf(e.getMessage())).build();
    }
  }

  private static String show(Statement s, String setting) throws SQLException {
    try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
      return rs.next() ? rs.getString(1) : "";
    }
  }
}
