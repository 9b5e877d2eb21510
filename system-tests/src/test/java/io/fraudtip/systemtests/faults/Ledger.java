package io.fraudtip.systemtests.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.Topics;
import io.fraudtip.localstack.bank.DemoBank;
import io.fraudtip.localstack.infra.PostgresServer;
import io.fraudtip.localstack.stack.LocalStack;
import io.fraudtip.systemtests.faults.Books.AlertRow;
import io.fraudtip.systemtests.faults.Books.CaseRow;
import io.fraudtip.systemtests.faults.Books.DeliveryRow;
import io.fraudtip.systemtests.faults.Books.Receipt;
import io.fraudtip.systemtests.faults.TipLoad.Accepted;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the {@link Books} of a fault run from where the effects are: intake's and case-service's
 * databases, notification-service's alerts and deliveries, the webhooks the demo bank verified and
 * the dead-letter topics (read to their end offsets). {@link LedgerCheck} judges them.
 */
final class Ledger {
  static final String ACCOUNT_REPORTED = "account.reported";
  private static final Pattern MARKER = Pattern.compile("\\[fault-load \\d+ #(\\d+)]");
  private static final Duration DEAD_LETTER_READ = Duration.ofSeconds(60);

  private final LocalStack stack;

  Ledger(LocalStack stack) {
    this.stack = stack;
  }

  /**
   * Reads the books, then checks them against the client as it stands after the read: the target
   * tips, and the follow-up alerts raised before {@code followUpsBefore}.
   */
  LedgerCheck.Result check(
      TipLoad load, Collection<Accepted> target, Instant followUpsBefore, boolean finished) {
    Books books = read();
    return LedgerCheck.check(
        books,
        new LedgerCheck.Client(
            target, load.accepted(), load.refused(), load.givenUp(), followUpsBefore, finished));
  }

  /**
   * Reads the books. Each service's tables are read in one REPEATABLE READ transaction (a
   * snapshot): read in separate statements, a merge committed between two of them would show a tip
   * in a case the next read finds merged away, or totals that miss its tips, a finding the run did
   * not cause.
   */
  Books read() {
    // The load goes on while the books are read: a webhook the bank received after the snapshot
    // may belong to a delivery created after it. Receipts are read before and after the snapshot;
    // one that came after it and names a delivery the snapshot does not have is left for the
    // next reading, while a delivery the snapshot shows succeeded is looked for among all.
    Set<String> receivedBefore = new HashSet<>();
    receipts().forEach(r -> receivedBefore.add(r.webhookId()));
    Map<UUID, UUID> caseOfTip = new HashMap<>();
    Map<UUID, CaseRow> cases = new HashMap<>();
    Map<String, UUID> identifierCases = new HashMap<>();
    snapshot(
        "cases",
        c -> {
          caseOfTip.putAll(caseOfTip(c));
          cases.putAll(cases(c));
          identifierCases.putAll(identifierCases(c));
        });
    List<AlertRow> alerts = new ArrayList<>();
    List<DeliveryRow> deliveries = new ArrayList<>();
    snapshot(
        "notification",
        c -> {
          alerts.addAll(alerts(c));
          deliveries.addAll(deliveries(c));
        });
    Set<String> sent = new HashSet<>();
    deliveries.forEach(d -> sent.add(d.webhookId()));
    List<Receipt> receipts =
        receipts().stream()
            .filter(r -> sent.contains(r.webhookId()) || receivedBefore.contains(r.webhookId()))
            .toList();
    return new Books(
        storedTips(),
        caseOfTip,
        cases,
        identifierCases,
        alerts,
        deliveries,
        receipts,
        deadLetters());
  }

  /**
   * What is still under way: accepted tips that are not yet in a case or whose {@code
   * account.reported} alerts have not all reached the bank and been recorded as delivered (a bank
   * may have answered while the database was down: the alert is sent again, and finished only once
   * its success is recorded), and follow-up alerts raised before {@code followUpsBefore} that have
   * not (by the tip they name, or their own id where they name none). Follow-ups raised later are
   * left out: the load goes on, and a merge it brings about raises new ones for old tips.
   */
  Set<UUID> unfinished(Collection<Accepted> accepted, Instant followUpsBefore) {
    Set<UUID> cased = caseOfTipIds();
    Set<String> answered = new HashSet<>();
    for (Receipt r : receipts()) {
      if (r.answered() / 100 == 2) {
        answered.add(r.alertId().toString());
      }
    }
    List<AlertRow> alerts = new ArrayList<>();
    Set<String> delivered = new HashSet<>();
    snapshot(
        "notification",
        c -> {
          alerts.addAll(alerts(c));
          for (DeliveryRow d : deliveries(c)) {
            if ("SUCCEEDED".equals(d.state()) && answered.contains(d.alertId().toString())) {
              delivered.add(d.alertId().toString());
            }
          }
        });
    Map<String, UUID> alertOf = new HashMap<>();
    Set<UUID> open = new HashSet<>();
    for (AlertRow a : alerts) {
      if (a.reported()) {
        alertOf.put(a.tipAccount(), a.id());
      } else if (a.followUpDueBy(followUpsBefore) && !delivered.contains(a.id().toString())) {
        open.add(a.tipId() == null ? a.id() : a.tipId());
      }
    }
    for (Accepted a : accepted) {
      if (!cased.contains(a.tipId())) {
        open.add(a.tipId());
        continue;
      }
      for (TipLoad.Account acc : a.accounts()) {
        UUID alert = alertOf.get(Books.tipAccount(a.tipId(), acc.bin(), acc.number()));
        if (alert == null || !delivered.contains(alert.toString())) {
          open.add(a.tipId());
        }
      }
    }
    return open;
  }

  /** Tips notification-service has raised their {@code account.reported} alerts for. */
  Set<UUID> alertedTips() {
    Set<UUID> tips = new HashSet<>();
    alerts().stream().filter(AlertRow::reported).forEach(a -> tips.add(a.tipId()));
    return tips;
  }

  /** Intake's tips of the load, by the sequence number in their marker. */
  private Map<Integer, List<UUID>> storedTips() {
    Map<Integer, List<UUID>> stored = new HashMap<>();
    snapshot(
        "intake",
        c ->
            query(
                c,
                "SELECT id, event_payload FROM tip",
                rs -> {
                  Matcher m = MARKER.matcher(rs.getString(2));
                  if (m.find()) {
                    stored
                        .computeIfAbsent(Integer.parseInt(m.group(1)), k -> new ArrayList<>())
                        .add(rs.getObject(1, UUID.class));
                  }
                }));
    return stored;
  }

  /** Tips case-service holds in a case. */
  Set<UUID> caseOfTipIds() {
    Map<UUID, UUID> cased = new HashMap<>();
    snapshot("cases", c -> cased.putAll(caseOfTip(c)));
    return cased.keySet();
  }

  /** Tip id to the case holding it (case-service's database). */
  private static Map<UUID, UUID> caseOfTip(Connection c) throws SQLException {
    Map<UUID, UUID> cased = new HashMap<>();
    query(
        c,
        "SELECT tip_id, case_id FROM case_tip",
        rs -> cased.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)));
    return cased;
  }

  private static Map<UUID, CaseRow> cases(Connection c) throws SQLException {
    Map<UUID, CaseRow> cases = new HashMap<>();
    query(
        c,
        "SELECT id, merged_into, victims, total_loss_vnd FROM fraud_case",
        rs -> {
          UUID id = rs.getObject(1, UUID.class);
          cases.put(id, new CaseRow(id, rs.getObject(2, UUID.class), rs.getInt(3), rs.getLong(4)));
        });
    return cases;
  }

  private static Map<String, UUID> identifierCases(Connection c) throws SQLException {
    Map<String, UUID> cases = new HashMap<>();
    query(
        c,
        "SELECT type, value, case_id FROM case_identifier",
        rs -> cases.put(rs.getString(1) + "|" + rs.getString(2), rs.getObject(3, UUID.class)));
    return cases;
  }

  private List<AlertRow> alerts() {
    List<AlertRow> alerts = new ArrayList<>();
    snapshot("notification", c -> alerts.addAll(alerts(c)));
    return alerts;
  }

  private static List<AlertRow> alerts(Connection c) throws SQLException {
    List<AlertRow> alerts = new ArrayList<>();
    query(
        c,
        "SELECT id, tip_id, event_type, bank_bin, account_number, created_at FROM alert",
        rs ->
            alerts.add(
                new AlertRow(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getObject(6, OffsetDateTime.class).toInstant())));
    return alerts;
  }

  private static List<DeliveryRow> deliveries(Connection c) throws SQLException {
    List<DeliveryRow> deliveries = new ArrayList<>();
    query(
        c,
        "SELECT alert_id, webhook_id, state FROM delivery",
        rs ->
            deliveries.add(
                new DeliveryRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))));
    return deliveries;
  }

  /** Every webhook every receiver of the demo bank has verified so far. */
  List<Receipt> receipts() {
    List<Receipt> receipts = new ArrayList<>();
    for (String bin : TipLoad.BANKS) {
      for (DemoBank.Delivery d : stack.demoBank().receiver(bin).deliveries()) {
        if (!d.verified()) {
          continue;
        }
        try {
          JsonNode body = Json.events().readTree(d.body());
          JsonNode alertId = body.path("data").path("alertId");
          receipts.add(
              new Receipt(
                  bin,
                  d.webhookId(),
                  body.path("type").asText(),
                  alertId.isTextual() ? UUID.fromString(alertId.asText()) : null,
                  d.answered()));
        } catch (IOException e) {
          throw new IllegalStateException("unreadable webhook body " + d.body(), e);
        }
      }
    }
    return receipts;
  }

  /** One line per record on any dead-letter topic, read from the start to the end offsets. */
  private List<String> deadLetters() {
    List<String> lines = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer
          .listTopics(DEAD_LETTER_READ)
          .forEach(
              (topic, infos) -> {
                if (topic.endsWith(Topics.DEAD_LETTER_SUFFIX)) {
                  infos.forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
                }
              });
      if (partitions.isEmpty()) {
        return lines;
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, DEAD_LETTER_READ);
      long deadline = System.nanoTime() + DEAD_LETTER_READ.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        if (System.nanoTime() > deadline) {
          lines.add("the dead-letter topics could not be read to their end offsets " + ends);
          break;
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          if (r.offset() < ends.get(new TopicPartition(r.topic(), r.partition()))) {
            lines.add(r.topic() + "/" + r.partition() + "@" + r.offset() + " " + reason(r));
          }
        }
      }
    }
    return lines;
  }

  private static String reason(ConsumerRecord<byte[], byte[]> r) {
    Header reason = r.headers().lastHeader("dead-letter-reason");
    return reason == null
        ? "(no reason header)"
        : new String(reason.value(), StandardCharsets.UTF_8);
  }

  private interface Row {
    void accept(ResultSet rs) throws SQLException;
  }

  private interface Reads {
    void run(Connection c) throws SQLException;
  }

  /**
   * Runs the reads in one read-only REPEATABLE READ transaction on the database: every statement
   * sees the same committed state.
   */
  private void snapshot(String database, Reads reads) {
    try (Connection c =
        DriverManager.getConnection(
            stack.postgres().jdbcUrl(database), PostgresServer.USER, PostgresServer.PASSWORD)) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setReadOnly(true);
      try {
        reads.run(c);
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading " + database, e);
    }
  }

  private static void query(Connection c, String sql, Row row, Object... parameters)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          row.accept(rs);
        }
      }
    }
  }
}
