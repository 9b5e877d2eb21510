package io.fraudtip.systemtests.faults;

import io.fraudtip.systemtests.faults.Books.AlertRow;
import io.fraudtip.systemtests.faults.Books.CaseRow;
import io.fraudtip.systemtests.faults.Books.DeliveryRow;
import io.fraudtip.systemtests.faults.Books.Receipt;
import io.fraudtip.systemtests.faults.TipLoad.Accepted;
import io.fraudtip.systemtests.faults.TipLoad.Account;
import io.fraudtip.systemtests.faults.TipLoad.NotAccepted;
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
 * Holds the {@link Books} against what the client did, without reading anything itself (so that a
 * unit test can hand it books with a fault in them). Every accepted tip: stored once by intake,
 * held by one standing case, which also holds each of its accounts and phones (so tips naming the
 * same one share a case); one alert per account, delivered, and received by the bank under the
 * delivery's webhook-id; every follow-up alert (case.linked) raised before the cutoff, delivered.
 * Every tip the client meant: accepted, or refused when invalid (leaving no trace). Dead-letter
 * topics: empty.
 */
final class LedgerCheck {
  private static final int LONGEST_MERGE_CHAIN = 100;

  /**
   * What the client did, as the ledger sees it at one moment, and from when follow-up alerts are
   * not yet due (the load goes on, and raises them for old tips).
   */
  record Client(
      Collection<Accepted> target,
      Map<UUID, Accepted> accepted,
      List<NotAccepted> refused,
      List<NotAccepted> givenUp,
      Instant followUpsBefore,
      boolean finished) {}

  /** What a check found; {@code problems} is empty when the books balance. */
  record Result(
      int accepted,
      int cased,
      int storedByIntake,
      int standingCases,
      int mergedCases,
      int alertsDue,
      int alertsDelivered,
      int receipts,
      int duplicateReceipts,
      int deadLetters,
      int refused,
      List<String> problems) {
    boolean balanced() {
      return problems.isEmpty();
    }
  }

  private final Books books;
  private final Client client;
  private final List<String> problems = new ArrayList<>();

  private LedgerCheck(Books books, Client client) {
    this.books = books;
    this.client = client;
  }

  static Result check(Books books, Client client) {
    return new LedgerCheck(books, client).run();
  }

  private Result run() {
    checkClient();
    int stored = checkIntake();
    int cased = checkCases();
    checkSharedCases();
    checkCaseTotals();
    int[] alerts = checkAlerts();
    int[] receipts = checkReceipts();
    checkNoTraceOfRefused();
    books.deadLetters().forEach(d -> problems.add("dead letter: " + d));
    long merged = books.cases().values().stream().filter(c -> c.mergedInto() != null).count();
    return new Result(
        client.target().size(),
        cased,
        stored,
        books.cases().size() - (int) merged,
        (int) merged,
        alerts[0],
        alerts[1],
        receipts[0],
        receipts[1],
        books.deadLetters().size(),
        client.refused().size(),
        problems);
  }

  /**
   * Every tip the client meant ends accepted (a valid one) or refused with 400 (an invalid one).
   */
  private void checkClient() {
    for (NotAccepted g : client.givenUp()) {
      problems.add(
          "tip #" + g.seq() + " was given up after retries (last answer " + g.status() + ")");
    }
    for (NotAccepted r : client.refused()) {
      if (!r.invalid()) {
        problems.add("valid tip #" + r.seq() + " was refused with " + r.status());
      } else if (r.status() != 400) {
        problems.add("invalid tip #" + r.seq() + " was answered " + r.status() + ", not 400");
      }
    }
  }

  /** Each target tip is stored by intake once, under the id its 202 named. */
  private int checkIntake() {
    int stored = 0;
    for (Accepted a : client.target()) {
      List<UUID> ids = books.storedTips().getOrDefault(a.seq(), List.of());
      if (ids.size() == 1 && ids.get(0).equals(a.tipId())) {
        stored++;
      } else {
        problems.add(
            "accepted tip #" + a.seq() + " " + a.tipId() + " is stored by intake as " + ids);
      }
    }
    if (client.finished()) {
      Set<Integer> accepted =
          client.accepted().values().stream().map(Accepted::seq).collect(Collectors.toSet());
      books.storedTips().keySet().stream()
          .filter(seq -> !accepted.contains(seq))
          .forEach(seq -> problems.add("tip #" + seq + " is stored but was never accepted"));
    }
    return stored;
  }

  /** Each target tip is held by a standing case that also holds its accounts and phone. */
  private int checkCases() {
    int cased = 0;
    for (Accepted a : client.target()) {
      UUID holder = books.caseOfTip().get(a.tipId());
      if (holder == null) {
        problems.add("accepted tip #" + a.seq() + " " + a.tipId() + " is in no case");
        continue;
      }
      CaseRow row = books.cases().get(holder);
      if (row == null || row.mergedInto() != null) {
        problems.add(
            "accepted tip #" + a.seq() + " is held by case " + holder + ", which no longer stands");
        continue;
      }
      cased++;
      for (String key : identifiers(a)) {
        UUID identifierCase = books.identifierCase().get(key);
        UUID standing = identifierCase == null ? null : standing(identifierCase);
        if (!holder.equals(standing)) {
          problems.add(
              "tip #"
                  + a.seq()
                  + " is in case "
                  + holder
                  + " but its "
                  + key
                  + " is in "
                  + (identifierCase == null ? "no case" : "case " + standing));
        }
      }
    }
    return cased;
  }

  /** Tips naming the same account or phone share one case in the end. */
  private void checkSharedCases() {
    Map<String, Set<UUID>> casesByIdentifier = new HashMap<>();
    for (Accepted a : client.target()) {
      UUID holder = books.caseOfTip().get(a.tipId());
      if (holder == null) {
        continue;
      }
      for (String key : identifiers(a)) {
        casesByIdentifier.computeIfAbsent(key, k -> new HashSet<>()).add(standing(holder));
      }
    }
    casesByIdentifier.forEach(
        (key, cases) -> {
          if (cases.size() > 1) {
            problems.add("tips naming " + key + " are in " + cases.size() + " cases: " + cases);
          }
        });
  }

  /**
   * A standing case counts each of its tips once: victims are its tips, its loss their amounts as
   * the client sent them (a tip counted twice, or in two cases, shows here).
   */
  private void checkCaseTotals() {
    Map<UUID, List<UUID>> tipsOfCase = new HashMap<>();
    books
        .caseOfTip()
        .forEach((tip, c) -> tipsOfCase.computeIfAbsent(c, k -> new ArrayList<>()).add(tip));
    for (CaseRow c : books.cases().values()) {
      if (c.mergedInto() != null) {
        if (tipsOfCase.containsKey(c.id())) {
          problems.add(
              "merged case " + c.id() + " still holds " + tipsOfCase.get(c.id()).size() + " tips");
        }
        continue;
      }
      List<UUID> tips = tipsOfCase.getOrDefault(c.id(), List.of());
      if (c.victims() != tips.size()) {
        problems.add(
            "case " + c.id() + " counts " + c.victims() + " victims for " + tips.size() + " tips");
      }
      List<Accepted> known =
          tips.stream().map(client.accepted()::get).filter(a -> a != null).toList();
      if (known.size() < tips.size()) {
        if (client.finished()) {
          problems.add(
              "case " + c.id() + " holds " + (tips.size() - known.size()) + " tips no client sent");
        }
        continue; // a tip whose 202 is still on its way
      }
      long loss = known.stream().mapToLong(Accepted::amountVnd).sum();
      if (c.totalLossVnd() != loss) {
        problems.add(
            "case " + c.id() + " totals " + c.totalLossVnd() + " VND lost; its tips, " + loss);
      }
    }
  }

  /**
   * One {@code account.reported} alert per account of each target tip, and every follow-up alert
   * raised before the client's cutoff, delivered. Returns {due, delivered}.
   */
  private int[] checkAlerts() {
    Map<String, List<AlertRow>> byTipAccount =
        books.alerts().stream()
            .filter(AlertRow::reported)
            .collect(Collectors.groupingBy(AlertRow::tipAccount));
    Map<UUID, List<DeliveryRow>> deliveries =
        books.deliveries().stream().collect(Collectors.groupingBy(DeliveryRow::alertId));
    int due = 0;
    int delivered = 0;
    for (Accepted a : client.target()) {
      for (Account acc : a.accounts()) {
        due++;
        String what = "the alert of tip #" + a.seq() + " for " + acc.bin() + ":" + acc.number();
        List<AlertRow> alerts =
            byTipAccount.getOrDefault(
                Books.tipAccount(a.tipId(), acc.bin(), acc.number()), List.of());
        if (alerts.size() != 1) {
          problems.add(what + " is " + alerts.size() + " alerts in notification-service");
          continue;
        }
        if (delivered(alerts.get(0), deliveries, what)) {
          delivered++;
        }
      }
    }
    for (AlertRow followUp : books.alerts()) {
      if (followUp.followUpDueBy(client.followUpsBefore())) {
        due++;
        String what =
            "the "
                + followUp.type()
                + " alert "
                + followUp.id()
                + " for "
                + followUp.bin()
                + ":"
                + followUp.account();
        if (delivered(followUp, deliveries, what)) {
          delivered++;
        }
      }
    }
    return new int[] {due, delivered};
  }

  /** Whether the alert's deliveries all succeeded (at least one); a problem when not. */
  private boolean delivered(AlertRow alert, Map<UUID, List<DeliveryRow>> deliveries, String what) {
    List<DeliveryRow> ds = deliveries.getOrDefault(alert.id(), List.of());
    if (!ds.isEmpty() && ds.stream().allMatch(d -> "SUCCEEDED".equals(d.state()))) {
      return true;
    }
    problems.add(what + " has deliveries " + ds.stream().map(DeliveryRow::state).toList());
    return false;
  }

  /**
   * Every succeeded delivery reached its bank under its webhook-id with a 2xx, and the bank got
   * nothing no delivery sent. A webhook-id received twice with a 2xx is a duplicate delivery:
   * allowed (at least once), counted. Returns {receipts, duplicates}.
   */
  private int[] checkReceipts() {
    Map<String, DeliveryRow> byWebhookId = new HashMap<>();
    books.deliveries().forEach(d -> byWebhookId.put(d.webhookId(), d));
    Map<String, Integer> acknowledged = new HashMap<>();
    for (Receipt r : books.receipts()) {
      DeliveryRow d = byWebhookId.get(r.webhookId());
      if (d == null) {
        problems.add(
            "the bank "
                + r.bin()
                + " received webhook-id "
                + r.webhookId()
                + ", which no delivery sent");
      } else if (!d.alertId().equals(r.alertId())) {
        problems.add(
            "webhook-id "
                + r.webhookId()
                + " carried alert "
                + r.alertId()
                + ", its delivery "
                + d.alertId());
      }
      if (r.answered() / 100 == 2) {
        acknowledged.merge(r.webhookId(), 1, Integer::sum);
      }
    }
    for (DeliveryRow d : books.deliveries()) {
      if ("SUCCEEDED".equals(d.state()) && !acknowledged.containsKey(d.webhookId())) {
        problems.add("delivery " + d.webhookId() + " succeeded but the bank never answered it 2xx");
      }
    }
    int duplicates = acknowledged.values().stream().mapToInt(n -> n - 1).sum();
    return new int[] {books.receipts().size(), duplicates};
  }

  /** An invalid tip, refused, left no tip, case identifier or alert behind. */
  private void checkNoTraceOfRefused() {
    Set<String> alerted =
        books.alerts().stream().map(a -> a.bin() + ":" + a.account()).collect(Collectors.toSet());
    for (NotAccepted r : client.refused()) {
      if (books.storedTips().containsKey(r.seq())) {
        problems.add("refused tip #" + r.seq() + " is stored by intake");
      }
      for (Account acc : r.accounts()) {
        if (alerted.contains(acc.bin() + ":" + acc.number())
            || books.identifierCase().containsKey(Books.accountKey(acc.bin(), acc.number()))) {
          problems.add("refused tip #" + r.seq() + "'s account " + acc.number() + " left a trace");
        }
      }
    }
  }

  private static List<String> identifiers(Accepted a) {
    List<String> keys = new ArrayList<>();
    a.accounts().forEach(acc -> keys.add(Books.accountKey(acc.bin(), acc.number())));
    if (a.phone() != null) {
      keys.add(Books.phoneKey(a.phone()));
    }
    return keys;
  }

  /** The case a case was merged into, to the end of the chain. */
  private UUID standing(UUID id) {
    UUID current = id;
    for (int i = 0; i < LONGEST_MERGE_CHAIN; i++) {
      CaseRow row = books.cases().get(current);
      if (row == null || row.mergedInto() == null) {
        return current;
      }
      current = row.mergedInto();
    }
    problems.add("case " + id + " is merged in a chain longer than " + LONGEST_MERGE_CHAIN);
    return current;
  }
}
