package io.fraudtip.localstack.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real PostgreSQL server from the binaries that zonky ships in Maven artifacts: no Docker, no
 * system database. One server holds a database per service.
 */
public final class PostgresServer implements AutoCloseable {
  public static final String USER = "postgres";
  public static final String PASSWORD = "postgres";

  private final Path dataDirectory;
  private final int port;
  private volatile EmbeddedPostgres postgres;

  private PostgresServer(Path dataDirectory, int port) {
    this.dataDirectory = dataDirectory;
    this.port = port;
  }

  /**
   * Starts a server.
   *
   * @param dataDirectory where the cluster lives; an existing cluster is reused as it is
   * @param port the port to listen on
   */
  public static PostgresServer start(Path dataDirectory, int port) {
    PostgresServer server = new PostgresServer(dataDirectory, port);
    server.postgres = server.startServer();
    return server;
  }

  /**
   * Stops the server (fast shutdown: open connections are cut; nothing to stop after {@link
   * #kill()}) and starts it again on the same data directory and port, as in a fault test.
   */
  public void restart() {
    close();
    postgres = startServer();
  }

  /**
   * Kills the server outright, as a crash would: SIGKILL to the postmaster and every backend it
   * started, nothing flushed or checkpointed. {@link #restart()} starts it again, and it recovers
   * from its write-ahead log. Returns once every process is gone.
   */
  public void kill() {
    ProcessHandle postmaster =
        ProcessHandle.of(postmasterPid())
            .orElseThrow(() -> new IllegalStateException("PostgreSQL is not running"));
    // Taken before the kill: once the postmaster is gone its backends are no longer its children.
    List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
    all.add(0, postmaster);
    all.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle p : all) {
      try {
        p.onExit().get(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (ExecutionException | TimeoutException e) {
        throw new IllegalStateException("PostgreSQL process " + p.pid() + " did not end", e);
      }
    }
  }

  /** The postmaster's process id, from the lock file in the data directory. */
  public long postmasterPid() {
    try {
      return Long.parseLong(
          Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
    } catch (IOException e) {
      throw new UncheckedIOException("no postmaster.pid in " + dataDirectory, e);
    }
  }

  private EmbeddedPostgres startServer() {
    PostgresBinaries.requirePresent();
    try {
      EmbeddedPostgres pg =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setPort(port)
              .setPGStartupWait(Duration.ofSeconds(60))
              // Enough connections for several instances of three services with their pools.
              .setServerConfig("max_connections", "300")
              // Durable as production (SPEC §4): a 202 means the row is on disk. The embedded
              // library turns synchronous_commit off by default; nothing here may.
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on")
              .start();
      return pg;
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start in " + dataDirectory, e);
    }
  }

  public int port() {
    return port;
  }

  /** Creates the database unless it exists. */
  public void ensureDatabase(String name) {
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("not a plain database name: " + name);
    }
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        PreparedStatement exists =
            c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, name);
      try (ResultSet rs = exists.executeQuery()) {
        if (rs.next()) {
          return;
        }
      }
      try (Statement create = c.createStatement()) {
        create.execute("CREATE DATABASE " + name);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
  }

  /** Drops and creates the database again. */
  public void recreateDatabase(String name) {
    ensureDatabase(name);
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE " + name + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not recreate database " + name, e);
    }
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port() + "/" + database;
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
