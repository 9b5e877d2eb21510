package io.fraudtip.localstack.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real PostgreSQL server from the binaries that zonky ships in Maven artifacts: no Docker, no
 * system database. One server holds a database per service. Or an existing server the stack only
 * uses ({@link #existing}): a team's shared PostgreSQL, never started, stopped or killed from here.
 */
public final class PostgresServer implements AutoCloseable {
  public static final String USER = "postgres";
  public static final String PASSWORD = "postgres";

  private final Path dataDirectory;
  private final ServerAddress address;
  private volatile EmbeddedPostgres postgres;
  private Map<String, String> settings = Map.of();

  private PostgresServer(Path dataDirectory, ServerAddress address) {
    this.dataDirectory = dataDirectory;
    this.address = address;
  }

  /**
   * Where a server listens and how to log in.
   *
   * @param host host name or address
   * @param port port
   * @param user a role that may create databases
   * @param password its password
   * @param query JDBC parameters to keep on every URL ({@code ?sslmode=require}), or empty
   */
  public record ServerAddress(String host, int port, String user, String password, String query) {
    /**
     * Reads {@code jdbc:postgresql://host[:port][/db][?params]} or {@code
     * postgresql://[user[:password]@]host[:port][/db][?params]}; the database named in it is
     * ignored (each service gets its own). Without a user in the URL: {@code postgres}, with the
     * password of {@code PGPASSWORD} or else {@code postgres}.
     */
    public static ServerAddress parse(String url, Map<String, String> environment) {
      String u = url.trim().replaceFirst("^jdbc:", "");
      if (!u.startsWith("postgresql://") && !u.startsWith("postgres://")) {
        throw new IllegalArgumentException(
            "a PostgreSQL URL starts with jdbc:postgresql:// or postgresql://, not '" + url + "'");
      }
      URI uri = URI.create(u);
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("no host in the PostgreSQL URL '" + url + "'");
      }
      String user = USER;
      String password = environment.getOrDefault("PGPASSWORD", PASSWORD);
      if (uri.getRawUserInfo() != null) {
        String[] info = uri.getRawUserInfo().split(":", 2);
        user = URLDecoder.decode(info[0], StandardCharsets.UTF_8);
        password = info.length > 1 ? URLDecoder.decode(info[1], StandardCharsets.UTF_8) : password;
      }
      String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
      return new ServerAddress(
          uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), user, password, query);
    }

    @Override
    public String toString() {
      return host + ":" + port + " (user " + user + ")";
    }
  }

  /**
   * Starts a server.
   *
   * @param dataDirectory where the cluster lives; an existing cluster is reused as it is
   * @param port the port to listen on
   */
  public static PostgresServer start(Path dataDirectory, int port) {
    return start(dataDirectory, port, Map.of());
  }

  /**
   * Starts a server with settings of its own beside the durable ones, which they cannot change (the
   * benchmark's soak loads {@code pg_stat_statements}).
   */
  public static PostgresServer start(Path dataDirectory, int port, Map<String, String> settings) {
    PostgresServer server =
        new PostgresServer(dataDirectory, new ServerAddress("localhost", port, USER, PASSWORD, ""));
    server.settings = Map.copyOf(settings);
    server.postgres = server.startServer();
    return server;
  }

  /**
   * A server that already runs. Fails unless it answers and commits durably (SPEC §4): on a server
   * with {@code synchronous_commit} or {@code fsync} off the services would never be ready.
   */
  public static PostgresServer existing(ServerAddress address) {
    PostgresServer server = new PostgresServer(null, address);
    try (Connection c = server.adminConnection();
        Statement s = c.createStatement()) {
      for (String setting : List.of("synchronous_commit", "fsync")) {
        try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
          rs.next();
          String value = rs.getString(1);
          if (setting.equals("fsync") ? !value.equals("on") : value.equals("off")) {
            throw new IllegalStateException(
                "PostgreSQL at "
                    + address
                    + " has "
                    + setting
                    + "="
                    + value
                    + ": a tip accepted there could be lost in a crash (SPEC §4), so the services"
                    + " would not report ready; set synchronous_commit=on and fsync=on");
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot reach PostgreSQL at " + address + ": " + e.getMessage(), e);
    }
    return server;
  }

  /** Whether this server was started here (false: an existing one the stack only uses). */
  public boolean isOurs() {
    return dataDirectory != null;
  }

  private void requireOurs(String what) {
    if (!isOurs()) {
      throw new IllegalStateException(
          "PostgreSQL at " + address + " is not the stack's own: it is not ours to " + what);
    }
  }

  public String host() {
    return address.host();
  }

  public String user() {
    return address.user();
  }

  public String password() {
    return address.password();
  }

  private Connection adminConnection() throws SQLException {
    return isOurs()
        ? postgres.getPostgresDatabase().getConnection()
        : DriverManager.getConnection(jdbcUrl("postgres"), address.user(), address.password());
  }

  /**
   * Stops the server (fast shutdown: open connections are cut; nothing to stop after {@link
   * #kill()}) and starts it again on the same data directory and port, as in a fault test.
   */
  public void restart() {
    requireOurs("restart");
    close();
    postgres = startServer();
  }

  /**
   * Kills the server outright, as a crash would: SIGKILL to the postmaster and every backend it
   * started, nothing flushed or checkpointed. {@link #restart()} starts it again, and it recovers
   * from its write-ahead log. Returns once every process is gone.
   */
  public void kill() {
    requireOurs("kill");
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
    requireOurs("name its process");
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
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
      settings.forEach(builder::setServerConfig);
      EmbeddedPostgres pg =
          builder
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setPort(address.port())
              .setPGStartupWait(Duration.ofSeconds(60))
              // One text order on every machine and in production (docker-compose.yml): code
              // point order from PostgreSQL's own provider, where initdb would otherwise take the
              // locale of whoever runs it (linguistic en_US on one machine, C.UTF-8 on another).
              // It also compares without libc's locale path. Applies when the directory is new.
              .setLocaleConfig("locale-provider", "builtin")
              .setLocaleConfig("builtin-locale", "C.UTF-8")
              .setLocaleConfig("locale", "C")
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
    return address.port();
  }

  /** Creates the database unless it exists. */
  public void ensureDatabase(String name) {
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("not a plain database name: " + name);
    }
    try (Connection c = adminConnection();
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
    try (Connection c = adminConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE " + name + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not recreate database " + name, e);
    }
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://"
        + address.host()
        + ":"
        + address.port()
        + "/"
        + database
        + address.query();
  }

  /** Stops the server; an existing one is left running. */
  @Override
  public void close() {
    if (!isOurs()) {
      return;
    }
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
