package io.fraudtip.commons.sql;

import static io.fraudtip.commons.sql.ArrayRows.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudtip.localstack.infra.FreePorts;
import io.fraudtip.localstack.infra.PostgresServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.jdbc.PgArray;

/** Rows written by arrays come back exactly as given, whatever their text holds. */
class ArrayRowsTest {
  @TempDir static Path home;
  private static PostgresServer postgres;

  record Row(
      UUID id, String text, Integer small, Long big, Boolean flag, Instant at, byte[] bytes) {}

  @BeforeAll
  static void start() throws Exception {
    postgres = PostgresServer.start(home, FreePorts.pick());
  }

  @AfterAll
  static void stop() {
    postgres.close();
  }

  private static Connection connect() throws Exception {
    return DriverManager.getConnection(
        postgres.jdbcUrl("postgres"), postgres.user(), postgres.password());
  }

  @Test
  void everyColumnTypeComesBackAsWritten() throws Exception {
    List<Row> rows = new ArrayList<>();
    // What a text literal would have to escape: quotes, backslashes, braces, commas, the word NULL,
    // blanks, a JSON payload, letters beyond ASCII; and a null.
    List<String> texts =
        List.of(
            "plain",
            "\"quoted\"",
            "back\\slash",
            "{braces},commas",
            "NULL",
            " ",
            "",
            "{\"note\":\"Chuyển khoản \\\"gấp\\\"\",\"amount\":1000000}",
            "Nguyễn Văn A");
    for (String text : texts) {
      rows.add(
          new Row(
              UUID.randomUUID(),
              text,
              text.length(),
              1L << 40,
              text.isEmpty(),
              Instant.now(),
              text.getBytes(StandardCharsets.UTF_8)));
    }
    rows.add(new Row(UUID.randomUUID(), null, null, null, null, null, null));
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE array_rows (id uuid PRIMARY KEY, text_value text, small int4,"
              + " big int8, flag bool, at timestamptz, bytes bytea)");
      int written =
          ArrayRows.execute(
              c,
              "INSERT INTO array_rows SELECT * FROM unnest(CAST(? AS uuid[]), ?, ?, ?, ?,"
                  + " CAST(? AS timestamptz[]), ?)",
              rows,
              column("uuid", Row::id),
              column("text", Row::text),
              column("int4", Row::small),
              column("int8", Row::big),
              column("bool", Row::flag),
              ArrayRows.instant(Row::at),
              column("bytea", Row::bytes));

      assertThat(written).isEqualTo(rows.size());
      List<Row> read = new ArrayList<>();
      for (Row row : rows) {
        try (ResultSet rs =
            s.executeQuery(
                "SELECT text_value, small, big, flag, at, bytes FROM array_rows WHERE id = '"
                    + row.id()
                    + "'")) {
          assertThat(rs.next()).isTrue();
          read.add(
              new Row(
                  row.id(),
                  rs.getString(1),
                  (Integer) rs.getObject(2),
                  (Long) rs.getObject(3),
                  (Boolean) rs.getObject(4),
                  rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                  rs.getBytes(6)));
        }
      }
      assertThat(read)
          .usingRecursiveFieldByFieldElementComparatorIgnoringFields("at")
          .containsExactlyElementsOf(rows);
      assertThat(read.get(0).at()).isNotNull();
      assertThat(read.get(read.size() - 1).at()).isNull();
    }
  }

  @Test
  void textAndNumbersTravelInBinaryNotAsEscapedLiterals() throws Exception {
    List<Row> rows =
        List.of(new Row(UUID.randomUUID(), "\"a\"", 1, 2L, true, Instant.now(), new byte[] {1}));
    try (Connection c = connect()) {
      for (var column :
          List.of(
              column("text", Row::text),
              column("int4", Row::small),
              column("int8", Row::big),
              column("bool", Row::flag),
              column("bytea", Row::bytes))) {
        assertThat(((PgArray) ArrayRows.array(c, rows, column)).isBinary())
            .as(column.type())
            .isTrue();
      }
    }
  }

  @Test
  void aNumberTooLargeForItsColumnIsRefusedNotWrapped() throws Exception {
    List<Long> rows = List.of(1L << 40);
    try (Connection c = connect()) {
      assertThatThrownBy(() -> ArrayRows.array(c, rows, column("int4", (Long v) -> v)))
          .isInstanceOf(ArithmeticException.class);
    }
  }
}
