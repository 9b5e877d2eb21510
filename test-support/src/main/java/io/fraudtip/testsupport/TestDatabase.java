package io.fraudtip.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plain JDBC on a service's database, for tests that look behind the API. */
public final class TestDatabase {
  private final String url;
  private final String user;
  private final String password;

  TestDatabase(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  public String url() {
    return url;
  }

  /** The rows of a query, each a column-name-to-value map in select order. */
  public List<Map<String, Object>> query(String sql, Object... args) {
    try (Connection c = connect();
        PreparedStatement s = prepare(c, sql, args);
        ResultSet rs = s.executeQuery()) {
      ResultSetMetaData meta = rs.getMetaData();
      List<Map<String, Object>> rows = new ArrayList<>();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.put(meta.getColumnLabel(i), rs.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** The single number a query returns, such as a count. */
  public long queryLong(String sql, Object... args) {
    List<Map<String, Object>> rows = query(sql, args);
    if (rows.size() != 1 || rows.get(0).size() != 1) {
      throw new IllegalStateException("expected one value from " + sql + ", got " + rows);
    }
    return ((Number) rows.get(0).values().iterator().next()).longValue();
  }

  /** Runs a statement; returns the number of rows changed. */
  public int update(String sql, Object... args) {
    try (Connection c = connect();
        PreparedStatement s = prepare(c, sql, args)) {
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /**
   * A connection of its own, for a test that holds a lock or a transaction open while the service
   * works; the caller closes it.
   */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  /**
   * Waits until a statement on this database waits for a lock and reads {@code from} (a table as
   * its SQL names it, e.g. {@code "from tip "}): the moment a race a test stages is under way.
   *
   * @throws IllegalStateException when none does within {@code within}
   */
  public void awaitLockWait(String from, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (queryLong(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                + " AND datname = current_database() AND query ILIKE ?",
            "%" + from + "%")
        == 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("No statement waited for a lock on " + from);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... args)
      throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      s.setObject(i + 1, args[i]);
    }
    return s;
  }
}
