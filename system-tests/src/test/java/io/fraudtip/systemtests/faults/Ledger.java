package io.fraudtip.systemtests.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.fraudtip.contracts.Json;
import io.fraudtip.localstack.bank.DemoBank;
import io.fraudtip.localstack.infra.PostgresServer;
import io.fraudtip.localstack.stack.LocalStack;
import io.fraudtip.systemtests.faults.TipLoad.Accepted;
import io.fraudtip.systemtests.faults.TipLoad.Account;
import io.fraudtip.systemtests.faults.TipLoad.NotAccepted;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The books of a fault run, read from where the effects are: case-service's and intake's databases,
 * notification-service's alerts and the webhooks the demo bank received.
 */
final class Ledger {
  static final String ACCOUNT_REPORTED = "account.reported";

  private final LocalStack stack;

  Ledger(LocalStack stack) {
    this.stack = stack;
  }

  /** One webhook as the demo bank received it. */
  record Hook(
      String bin,
      String webhookId,
      String type,
      UUID alertId,
      UUID tipId,
      String account,
      int answered) {}

  /** What a check found; {@code problems} is empty when the books balance. */
  record Result(
      int accepted,
      int cased,
      int storedByIntake,
      int alertsDue,
      int alertsDelivered,
      int webhooks,
      int refused,
      int unknown,
      List<String> problems) {
    boolean balanced() {
      return problems.isEmpty();
    }
  }

  /** Accepted tips that are not yet in a case or whose alerts have not all reached the bank. */
  Set<UUID> unfinished(Collection<Accepted> accepted, Instant cutoff) {
    Set<UUID> cased = casedTips().keySet();
    Set<UUID> open = new HashSet<>(storedBefore(cutoff));
    open.removeAll(cased);
    Set<String> delivered = deliveredAlerts(hooks());
    for (Accepted a : accepted) {
      if (!cased.contains(a.tipId())
          || a.accounts().stream().anyMatch(acc -> !delivered.contains(key(a.tipId(), acc)))) {
        open.add(a.tipId());
      }
    }
    return open;
  }

  /** The whole check over every tip the load has sent so far. */
  Result check(
      Collection<Accepted> accepted,
      Instant cutoff,
      List<NotAccepted> refused,
      List<NotAccepted> unknown) {
    List<String> problems = new ArrayList<>();
    Map<UUID, List<UUID>> cased = casedTips();
    Set<UUID> intakeTips = storedBefore(cutoff);
    List<Hook> hooks = hooks();
    Set<String> delivered = deliveredAlerts(hooks);

    // Every accepted tip is in exactly one case, and so is every tip intake stored at all (a tip
    // whose answer was lost to a fault may have been stored: then it must not be lost either).
    int alertsDue = 0;
    int alertsDelivered = 0;
    for (Accepted a : accepted) {
      List<UUID> cases = cased.getOrDefault(a.tipId(), List.of());
      if (cases.size() != 1) {
        problems.add(
            "accepted tip #" + a.seq() + " " + a.tipId() + " is in " + cases.size() + " cases");
      }
      if (!intakeTips.contains(a.tipId())) {
        problems.add("accepted tip #" + a.seq() + " " + a.tipId() + " is not in intake's database");
      }
      for (Account acc : a.accounts()) {
        alertsDue++;
        if (delivered.contains(key(a.tipId(), acc))) {
          alertsDelivered++;
        } else {
          problems.add(
              "the alert of tip #"
                  + a.seq()
                  + " for "
                  + acc
                  + " never reached the bank with a 2xx");
        }
      }
    }
    for (UUID stored : intakeTips) {
      if (cased.getOrDefault(stored, List.of()).size() != 1) {
        problems.add("tip " + stored + " stored by intake is in no case (or several)");
      }
    }

    // No bank saw two webhook-ids for one alert, nor two alerts for one account of one tip.
    Map<UUID, Set<String>> idsByAlert = new HashMap<>();
    Map<String, Set<UUID>> alertsByTipAccount = new HashMap<>();
    for (Hook h : hooks) {
      if (h.alertId() == null) {
        problems.add("a webhook without an alert id: " + h.webhookId());
        continue;
      }
      idsByAlert.computeIfAbsent(h.alertId(), k -> new HashSet<>()).add(h.webhookId());
      if (ACCOUNT_REPORTED.equals(h.type()) && h.tipId() != null) {
        alertsByTipAccount
            .computeIfAbsent(h.tipId() + "/" + h.bin() + "/" + h.account(), k -> new HashSet<>())
            .add(h.alertId());
      }
    }
    idsByAlert.forEach(
        (alert, ids) -> {
          if (ids.size() > 1) {
            problems.add("alert " + alert + " came with " + ids.size() + " webhook-ids: " + ids);
          }
        });
    alertsByTipAccount.forEach(
        (k, alerts) -> {
          if (alerts.size() > 1) {
            problems.add(k + " was alerted " + alerts.size() + " times (doubled effect)");
          }
        });

    // A refused tip left no trace anywhere.
    Set<String> refusedAccounts =
        refused.stream()
            .flatMap(r -> r.accounts().stream())
            .map(Account::number)
            .collect(Collectors.toSet());
    Set<String> traced = new HashSet<>();
    if (!refusedAccounts.isEmpty()) {
      List<String> payloads = strings("intake", "SELECT event_payload FROM tip");
      Set<String> identifiers =
          new HashSet<>(strings("cases", "SELECT value FROM case_identifier"));
      Set<String> alerted =
          new HashSet<>(strings("notification", "SELECT account_number FROM alert"));
      for (String number : refusedAccounts) {
        if (alerted.contains(number)
            || identifiers.stream().anyMatch(v -> v.endsWith(number))
            || payloads.stream().anyMatch(p -> p.contains(number))) {
          traced.add(number);
        }
      }
    }
    hooks.stream().map(Hook::account).filter(refusedAccounts::contains).forEach(traced::add);
    traced.forEach(n -> problems.add("refused tip's account " + n + " left a trace"));

    Set<UUID> casedAccepted = new HashSet<>(cased.keySet());
    casedAccepted.retainAll(accepted.stream().map(Accepted::tipId).collect(Collectors.toSet()));
    return new Result(
        accepted.size(),
        casedAccepted.size(),
        intakeTips.size(),
        alertsDue,
        alertsDelivered,
        hooks.size(),
        refused.size(),
        unknown.size(),
        problems);
  }

  /** Tips intake stored before the cutoff. */
  Set<UUID> storedBefore(Instant cutoff) {
    Set<UUID> ids = new HashSet<>();
    query(
        "intake",
        "SELECT id FROM tip WHERE received_at < ?",
        rs -> ids.add(rs.getObject(1, UUID.class)),
        Timestamp.from(cutoff));
    return ids;
  }

  /** Tip id to the cases holding it (case-service's database). */
  Map<UUID, List<UUID>> casedTips() {
    Map<UUID, List<UUID>> cased = new HashMap<>();
    query(
        "cases",
        "SELECT t.tip_id, c.id FROM case_tip t JOIN fraud_case c ON c.id = t.case_id",
        rs -> {
          cased
              .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
              .add(rs.getObject(2, UUID.class));
        });
    return cased;
  }

  /** Every webhook every receiver of the demo bank has verified so far. */
  List<Hook> hooks() {
    List<Hook> hooks = new ArrayList<>();
    for (String bin : TipLoad.BANKS) {
      for (DemoBank.Delivery d : stack.demoBank().receiver(bin).deliveries()) {
        if (!d.verified()) {
          continue;
        }
        try {
          JsonNode body = Json.events().readTree(d.body());
          JsonNode data = body.path("data");
          hooks.add(
              new Hook(
                  bin,
                  d.webhookId(),
                  body.path("type").asText(),
                  uuid(data.path("alertId")),
                  uuid(data.path("tipId")),
                  data.path("accountNumber").asText(null),
                  d.answered()));
        } catch (IOException e) {
          throw new IllegalStateException("unreadable webhook body " + d.body(), e);
        }
      }
    }
    return hooks;
  }

  private static Set<String> deliveredAlerts(List<Hook> hooks) {
    return hooks.stream()
        .filter(h -> ACCOUNT_REPORTED.equals(h.type()) && h.answered() / 100 == 2)
        .map(h -> h.tipId() + "/" + h.bin() + "/" + h.account())
        .collect(Collectors.toSet());
  }

  private static String key(UUID tipId, Account acc) {
    return tipId + "/" + acc.bin() + "/" + acc.number();
  }

  private static UUID uuid(JsonNode node) {
    return node.isTextual() ? UUID.fromString(node.asText()) : null;
  }

  private List<String> strings(String database, String sql) {
    List<String> values = new ArrayList<>();
    query(database, sql, rs -> values.add(rs.getString(1)));
    return values;
  }

  private interface Row {
    void accept(ResultSet rs) throws SQLException;
  }

  private void query(String database, String sql, Row row, Object... parameters) {
    try (Connection c =
            DriverManager.getConnection(
                stack.postgres().jdbcUrl(database), PostgresServer.USER, PostgresServer.PASSWORD);
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          row.accept(rs);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(database + ": " + sql, e);
    }
  }
}
