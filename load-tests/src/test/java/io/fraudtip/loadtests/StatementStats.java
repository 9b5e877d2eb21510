package io.fraudtip.loadtests;

import io.fraudtip.localstack.infra.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What PostgreSQL's statements cost minute by minute in a soak run, from {@code pg_stat_statements}
 * (the server started with it preloaded): per statement, the calls, execution time and blocks
 * touched in each minute. At a steady rate a statement whose time per call grows minute after
 * minute reads more rows as the tables grow; the report names the ones that grew most between the
 * second and the last minute, the ones that cost most in the last minute, and the tables read by
 * sequential scans ({@code pg_stat_user_tables}) with their rows a minute.
 */
final class StatementStats {
  /** What the soak's PostgreSQL is started with. */
  static final Map<String, String> SERVER_SETTINGS =
      Map.of("shared_preload_libraries", "pg_stat_statements");

  /** One statement's totals (cumulative) or one minute's share of them (a difference). */
  record Cost(String database, String query, long calls, double ms, long blocks) {
    Cost minus(Cost before) {
      return before == null
          ? this
          : new Cost(database, query, calls - before.calls, ms - before.ms, blocks - before.blocks);
    }

    double msPerCall() {
      return calls == 0 ? 0 : ms / calls;
    }

    double blocksPerCall() {
      return calls == 0 ? 0 : (double) blocks / calls;
    }
  }

  private final PostgresServer postgres;
  private final boolean enabled;
  private Map<String, Cost> last = Map.of();
  private final List<Map<String, Cost>> minutes = new ArrayList<>();
  private Map<String, Long> lastScanned = Map.of();
  private final List<Map<String, Long>> scannedMinutes = new ArrayList<>();

  private StatementStats(PostgresServer postgres, boolean enabled) {
    this.postgres = postgres;
    this.enabled = enabled;
  }

  /** Installs the extension (once per server) and takes the first reading; off when it cannot. */
  static StatementStats start(PostgresServer postgres) {
    StatementStats stats;
    try (Connection c = connect(postgres);
        Statement st = c.createStatement()) {
      st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      stats = new StatementStats(postgres, true);
    } catch (SQLException e) {
      System.out.println("[soak] no pg_stat_statements: " + e.getMessage());
      return new StatementStats(postgres, false);
    }
    stats.last = stats.read();
    stats.lastScanned = stats.readScanned();
    return stats;
  }

  /** The costs since the last reading, as one minute. */
  void minute() {
    if (!enabled) {
      return;
    }
    Map<String, Cost> now = read();
    Map<String, Cost> delta = new HashMap<>();
    now.forEach((id, cost) -> delta.put(id, cost.minus(last.get(id))));
    minutes.add(delta);
    last = now;
    Map<String, Long> scanned = readScanned();
    Map<String, Long> rows = new HashMap<>();
    scanned.forEach((table, n) -> rows.put(table, n - lastScanned.getOrDefault(table, 0L)));
    scannedMinutes.add(rows);
    lastScanned = scanned;
  }

  /**
   * The report's section: the statements whose execution time a minute grew most from the second
   * minute (the first warms up) to the last, with their calls and cost per call in both.
   */
  String markdown(int top) {
    if (!longEnough(minutes)) {
      return "";
    }
    Map<String, Cost> second = minutes.get(1);
    Map<String, Cost> lastMinute = minutes.get(minutes.size() - 1);
    List<String> grown =
        lastMinute.keySet().stream()
            .sorted(
                Comparator.comparingDouble((String id) -> ms(lastMinute, id) - ms(second, id))
                    .reversed())
            .limit(top)
            .toList();
    StringBuilder b = new StringBuilder();
    b.append("\nPostgreSQL statements whose time grew most, minute 2 against minute ")
        .append(minutes.size())
        .append(" (`pg_stat_statements`; ms is execution time in the minute, blocks are shared")
        .append(" buffers touched):\n\n")
        .append("| database | statement | calls 2 → last | ms 2 → last | ms/call 2 → last |")
        .append(" blocks/call 2 → last |\n|---|---|---:|---:|---:|---:|\n");
    for (String id : grown) {
      Cost now = lastMinute.get(id);
      Cost then = second.get(id);
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | `%s` | %d → %d | %.0f → %.0f | %.3f → %.3f | %.1f → %.1f |%n",
              now.database(),
              shorten(now.query()),
              then == null ? 0 : then.calls(),
              now.calls(),
              then == null ? 0 : then.ms(),
              now.ms(),
              then == null ? 0 : then.msPerCall(),
              now.msPerCall(),
              then == null ? 0 : then.blocksPerCall(),
              now.blocksPerCall()));
    }
    b.append(costliestMarkdown(lastMinute, top));
    b.append(scannedMarkdown(top));
    b.append("\nExecution time of all statements, ms a minute:");
    for (int i = 0; i < minutes.size(); i++) {
      b.append(i == 0 ? " " : ", ")
          .append(
              String.format(
                  Locale.ROOT,
                  "%.0f",
                  minutes.get(i).values().stream().mapToDouble(Cost::ms).sum()));
    }
    return b.append(".\n").toString();
  }

  /**
   * The statements that cost most in the last minute, whether or not they grew: at a steady rate,
   * what the database spends its time on (calls, time and blocks per call), with each one's share
   * of the minute's execution time.
   */
  private static String costliestMarkdown(Map<String, Cost> lastMinute, int top) {
    double all = lastMinute.values().stream().mapToDouble(Cost::ms).sum();
    List<Cost> costliest =
        lastMinute.values().stream()
            .filter(c -> c.calls() > 0)
            .sorted(Comparator.comparingDouble(Cost::ms).reversed())
            .limit(top)
            .toList();
    StringBuilder b =
        new StringBuilder("\nPostgreSQL statements that cost most in the last minute:\n\n");
    b.append("| database | statement | calls | ms | share | ms/call | blocks/call |\n")
        .append("|---|---|---:|---:|---:|---:|---:|\n");
    for (Cost c : costliest) {
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | `%s` | %d | %.0f | %.1f %% | %.3f | %.1f |%n",
              c.database(),
              shorten(c.query()),
              c.calls(),
              c.ms(),
              all == 0 ? 0 : 100 * c.ms() / all,
              c.msPerCall(),
              c.blocksPerCall()));
    }
    return b.toString();
  }

  /**
   * Tables read whole: rows read by sequential scans in the second and the last minute, most in the
   * last first. A table that grows and is read whole costs more each minute at a steady rate (an
   * index a query cannot use shows here before anywhere else).
   */
  private String scannedMarkdown(int top) {
    if (!longEnough(scannedMinutes)) {
      return "";
    }
    Map<String, Long> second = scannedMinutes.get(1);
    Map<String, Long> lastMinute = scannedMinutes.get(scannedMinutes.size() - 1);
    List<String> most =
        lastMinute.entrySet().stream()
            .filter(e -> e.getValue() > 0)
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .limit(top)
            .map(Map.Entry::getKey)
            .toList();
    StringBuilder b = new StringBuilder("\nTables read by sequential scans, rows a minute");
    b.append(" (`pg_stat_user_tables.seq_tup_read`), minute 2 against minute ")
        .append(scannedMinutes.size());
    if (most.isEmpty()) {
      return b.append(": none.\n").toString();
    }
    b.append(":\n\n| table | rows 2 → last |\n|---|---:|\n");
    for (String t : most) {
      b.append(
          String.format(
              Locale.ROOT, "| %s | %d → %d |%n", t, second.getOrDefault(t, 0L), lastMinute.get(t)));
    }
    return b.toString();
  }

  /** Whether a second minute (the first warms up) and a later one were taken. */
  private static boolean longEnough(List<?> minutes) {
    return minutes.size() >= 3;
  }

  private static double ms(Map<String, Cost> minute, String id) {
    Cost c = minute.get(id);
    return c == null ? 0 : c.ms();
  }

  private static String shorten(String query) {
    String q = query.replaceAll("\\s+", " ").replace("|", "\\|").replace("`", "'");
    if (q.length() <= 140) {
      return q;
    }
    // The head names the statement, the condition says how it finds its rows: keep both.
    int where = q.toLowerCase(Locale.ROOT).indexOf(" where ");
    if (where < 60) {
      return q.substring(0, 140) + "…";
    }
    String condition = q.substring(where);
    return q.substring(0, 60)
        + "…"
        + (condition.length() <= 120 ? condition : condition.substring(0, 120) + "…");
  }

  private Map<String, Cost> read() {
    Map<String, Cost> costs = new LinkedHashMap<>();
    try (Connection c = connect(postgres);
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT d.datname, s.queryid, s.query, s.calls, s.total_exec_time,"
                    + " s.shared_blks_hit + s.shared_blks_read"
                    + " FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid"
                    // not this reading itself
                    + " WHERE s.query NOT LIKE '%pg_stat_statements%'"
                    + " AND s.query NOT LIKE '%pg_stat_user_tables%'"
                    + " AND s.query NOT LIKE '%FROM pg_database%'")) {
      while (rs.next()) {
        String id = rs.getString(1) + "/" + rs.getLong(2);
        costs.merge(
            id,
            new Cost(
                rs.getString(1), rs.getString(3), rs.getLong(4), rs.getDouble(5), rs.getLong(6)),
            (a, b) ->
                new Cost(
                    a.database(),
                    a.query(),
                    a.calls() + b.calls(),
                    a.ms() + b.ms(),
                    a.blocks() + b.blocks()));
      }
    } catch (SQLException e) {
      System.out.println("[soak] pg_stat_statements not read: " + e.getMessage());
    }
    return costs;
  }

  /** Rows read by sequential scans so far, by {@code database.table}, over every database. */
  private Map<String, Long> readScanned() {
    Map<String, Long> rows = new HashMap<>();
    List<String> databases = new ArrayList<>();
    try (Connection c = connect(postgres);
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT datname FROM pg_database WHERE datallowconn AND NOT datistemplate")) {
      while (rs.next()) {
        databases.add(rs.getString(1));
      }
    } catch (SQLException e) {
      System.out.println("[soak] databases not listed: " + e.getMessage());
    }
    for (String db : databases) {
      try (Connection c =
              DriverManager.getConnection(
                  postgres.jdbcUrl(db), PostgresServer.USER, PostgresServer.PASSWORD);
          Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT relname, coalesce(seq_tup_read, 0) FROM pg_stat_user_tables")) {
        while (rs.next()) {
          rows.put(db + "." + rs.getString(1), rs.getLong(2));
        }
      } catch (SQLException e) {
        System.out.println("[soak] " + db + "'s tables not read: " + e.getMessage());
      }
    }
    return rows;
  }

  private static Connection connect(PostgresServer postgres) throws SQLException {
    return DriverManager.getConnection(
        postgres.jdbcUrl("postgres"), PostgresServer.USER, PostgresServer.PASSWORD);
  }
}
