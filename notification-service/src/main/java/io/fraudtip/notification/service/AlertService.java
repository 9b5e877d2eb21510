package io.fraudtip.notification.service;

import io.fraudtip.commons.inbox.ProcessedEvents;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.cases.AccountRefV1;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.contracts.tips.IdentifierType;
import io.fraudtip.contracts.tips.IdentifierV1;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.contracts.tips.TransferV1;
import io.fraudtip.notification.domain.Alert;
import io.fraudtip.notification.domain.BankEndpoint;
import io.fraudtip.notification.domain.Delivery;
import io.fraudtip.notification.domain.DeliveryState;
import io.fraudtip.notification.webhook.AfterCommit;
import io.fraudtip.notification.webhook.DeliveryWakeUp;
import io.fraudtip.notification.webhook.WebhookPayload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Raises alerts for the banks that hold reported accounts, and a delivery for each of the bank's
 * endpoints that takes the alert's type; the dispatcher is woken when the transaction commits.
 */
@ApplicationScoped
public class AlertService {
  static final String TIPS_CONSUMER = "notification-service.tips";
  static final String CASES_CONSUMER = "notification-service.cases";

  private final ProcessedEvents processed;
  private final EntityManager em;
  private final BankDirectory banks;
  private final AfterCommit afterCommit;
  private final DeliveryWakeUp wakeUp;
  private final io.fraudtip.notification.config.WebhookConfig config;

  AlertService(
      ProcessedEvents processed,
      EntityManager em,
      BankDirectory banks,
      AfterCommit afterCommit,
      DeliveryWakeUp wakeUp,
      io.fraudtip.notification.config.WebhookConfig config) {
    this.config = config;
    this.processed = processed;
    this.em = em;
    this.banks = banks;
    this.afterCommit = afterCommit;
    this.wakeUp = wakeUp;
  }

  /**
   * A tip as read off tips.v1.
   *
   * @param eventId its CloudEvent id, deduped on
   * @param tip the tip
   * @param trace the record's W3C trace context, which the tip's alerts continue
   */
  public record TipEvent(UUID eventId, TipReceivedV1 tip, TraceParent trace) {
    /** A tip with no trace context. */
    public TipEvent(UUID eventId, TipReceivedV1 tip) {
      this(eventId, tip, TraceParent.NONE);
    }
  }

  /**
   * The fast path: every bank account in a tip (transfer destination or identifier) alerts its bank
   * at once, without waiting for the police. An advisory, not a freeze order. Several tips are
   * handled in one transaction (one commit), each deduped on its event id; the dispatcher is woken
   * once it commits.
   */
  @Transactional
  public void onTips(List<TipEvent> tips) {
    // A few statements for the whole batch, whatever its size: the dedupe, the accounts' counters
    // and the banks' endpoints; then the alerts and deliveries as batched inserts at the flush.
    Set<UUID> fresh =
        processed.firstTimes(tips.stream().map(TipEvent::eventId).toList(), TIPS_CONSUMER);
    List<TipEvent> work = new ArrayList<>();
    List<Map<Account, List<TransferV1>>> accountsOfTip = new ArrayList<>();
    List<Account> named = new ArrayList<>();
    for (TipEvent t : tips) {
      if (fresh.remove(t.eventId())) { // an event twice in the batch is handled once
        Map<Account, List<TransferV1>> accounts = accountsOf(t.tip());
        work.add(t);
        accountsOfTip.add(accounts);
        named.addAll(accounts.keySet());
      }
    }
    if (named.isEmpty()) {
      return;
    }
    Map<Account, java.util.Deque<Counters>> counters = countReports(named);
    Map<String, List<BankEndpoint>> endpoints = activeEndpoints(named);
    Instant now = now();
    List<Delivery> deliveries = new ArrayList<>();
    for (int i = 0; i < work.size(); i++) {
      TipEvent t = work.get(i);
      alertBanks(t, accountsOfTip.get(i), counters, endpoints, deliveries, now);
    }
    // After every alert, so that the inserts go out in two batches rather than interleaved.
    deliveries.forEach(d -> d.persist());
  }

  private static Map<Account, List<TransferV1>> accountsOf(TipReceivedV1 tip) {
    Map<Account, List<TransferV1>> accounts = new LinkedHashMap<>();
    for (TransferV1 t : nullSafe(tip.transfers())) {
      if (t.bankBin() != null && t.accountNumber() != null) {
        accounts
            .computeIfAbsent(new Account(t.bankBin(), t.accountNumber()), a -> new ArrayList<>())
            .add(t);
      }
    }
    for (IdentifierV1 i : nullSafe(tip.identifiers())) {
      if (i.type() == IdentifierType.BANK_ACCOUNT && i.bankBin() != null && i.value() != null) {
        String number = i.value().substring(i.value().indexOf(':') + 1);
        accounts.computeIfAbsent(new Account(i.bankBin(), number), a -> new ArrayList<>());
      }
    }
    return accounts;
  }

  private void alertBanks(
      TipEvent event,
      Map<Account, List<TransferV1>> accounts,
      Map<Account, java.util.Deque<Counters>> counters,
      Map<String, List<BankEndpoint>> endpointsByBank,
      List<Delivery> deliveries,
      Instant now) {
    TipReceivedV1 tip = event.tip();
    accounts.forEach(
        (account, transfers) -> {
          Counters c = counters.get(account).removeFirst();
          UUID alertId = UUID.randomUUID();
          String accountName =
              transfers.stream()
                  .map(TransferV1::accountName)
                  .filter(n -> n != null && !n.isBlank())
                  .findFirst()
                  .orElse(null);
          WebhookPayload.Data data =
              new WebhookPayload.Data(
                  alertId,
                  true,
                  account.bin(),
                  bankName(account.bin()),
                  account.number(),
                  accountName,
                  1,
                  c.sequence(),
                  (int) c.reportCount(),
                  tip.trust(),
                  tip.scamType(),
                  tip.tipId(),
                  null,
                  null,
                  null,
                  transfers.stream()
                      .map(t -> new WebhookPayload.Transfer(t.amountVnd(), t.at()))
                      .toList(),
                  tip.receivedAt(),
                  tip.occurredAt(),
                  null);
          raise(
              event.eventId(),
              event.trace(),
              Alert.ACCOUNT_REPORTED,
              account,
              tip.tipId(),
              null,
              1,
              c,
              data,
              tip.receivedAt(),
              now,
              endpointsByBank,
              deliveries);
        });
  }

  /**
   * Case events that concern banks: a freeze request (the only alert that is not an advisory), a
   * case confirmed, and a retraction when a case is closed as unfounded or an identifier delisted.
   */
  @Transactional
  public void onCaseEvent(UUID eventId, CaseEventV1 event) {
    onCaseEvent(eventId, event, TraceParent.NONE);
  }

  /** {@link #onCaseEvent(UUID, CaseEventV1)}, its alerts continuing the record's trace. */
  @Transactional
  public void onCaseEvent(UUID eventId, CaseEventV1 event, TraceParent trace) {
    if (!processed.firstTime(eventId, CASES_CONSUMER)) {
      return;
    }
    String type = typeOf(event);
    if (type == null) {
      return;
    }
    Set<AccountRefV1> accounts = new LinkedHashSet<>(nullSafe(event.accounts()));
    Instant now = now();
    List<Delivery> deliveries = new ArrayList<>();
    for (AccountRefV1 ref : accounts) {
      if (ref.bankBin() == null || ref.accountNumber() == null) {
        continue;
      }
      Account account = new Account(ref.bankBin(), ref.accountNumber());
      Counters c = count(account, false);
      UUID alertId = UUID.randomUUID();
      WebhookPayload.Data data =
          new WebhookPayload.Data(
              alertId,
              !Alert.FREEZE_REQUESTED.equals(type),
              account.bin(),
              bankName(account.bin()),
              account.number(),
              null,
              Math.max(1, ref.layer()),
              c.sequence(),
              null,
              null,
              null,
              null,
              event.caseId(),
              event.caseReference(),
              event.unitCode(),
              null,
              null,
              event.occurredAt(),
              event.note());
      raise(
          eventId,
          trace,
          type,
          account,
          null,
          event.caseId(),
          Math.max(1, ref.layer()),
          c,
          data,
          event.occurredAt(),
          now,
          new java.util.HashMap<>(),
          deliveries);
    }
    deliveries.forEach(d -> d.persist());
  }

  /** The webhook type of a case event, or null when banks are not told about it. */
  static String typeOf(CaseEventV1 event) {
    if (event.kind() == null) {
      return null;
    }
    return switch (event.kind()) {
      case FREEZE_REQUESTED -> Alert.FREEZE_REQUESTED;
      case CLOSED -> {
        if ("CONFIRMED".equalsIgnoreCase(event.closure())) {
          yield Alert.CASE_CONFIRMED;
        }
        yield "UNFOUNDED".equalsIgnoreCase(event.closure()) ? Alert.ALERT_RETRACTED : null;
      }
      case IDENTIFIER_DELISTED -> Alert.ALERT_RETRACTED;
      default -> null;
    };
  }

  private void raise(
      UUID eventId,
      TraceParent trace,
      String type,
      Account account,
      UUID tipId,
      UUID caseId,
      int layer,
      Counters counters,
      WebhookPayload.Data data,
      Instant triggeredAt,
      Instant now,
      Map<String, List<BankEndpoint>> endpointsByBank,
      List<Delivery> deliveries) {
    Alert alert = new Alert();
    alert.id = data.alertId();
    alert.sourceEventId = eventId;
    alert.traceparent = trace.traceparent();
    alert.tracestate = trace.tracestate();
    alert.eventType = type;
    alert.bankBin = account.bin();
    alert.accountNumber = account.number();
    alert.tipId = tipId;
    alert.caseId = caseId;
    alert.layer = layer;
    alert.sequence = counters.sequence();
    alert.advisory = data.advisory();
    alert.createdAt = now;
    alert.triggeredAt = triggeredAt;
    alert.payload = Json.write(new WebhookPayload(type, now, data));
    alert.persist();
    java.time.Duration firstWait = config.retrySchedule().get(0);
    // Read once per bank and transaction: a batch of tips naming the same bank asks once.
    List<BankEndpoint> endpoints =
        endpointsByBank.computeIfAbsent(
            account.bin(), bin -> BankEndpoint.list("bankBin = ?1 and active = true", bin));
    for (BankEndpoint endpoint : endpoints) {
      if (!endpoint.receives(type)) {
        continue;
      }
      Delivery d = new Delivery();
      d.id = UUID.randomUUID();
      d.webhookId = Delivery.webhookIdOf(d.id);
      d.alertId = alert.id;
      d.endpointId = endpoint.id;
      d.bankBin = account.bin();
      d.eventType = type;
      d.state = DeliveryState.PENDING;
      d.nextAttemptAt = now.plus(firstWait);
      d.createdAt = now;
      deliveries.add(d);
      afterCommit.run(DeliveryWakeUp.class, wakeUp::wake);
    }
  }

  /**
   * Bumps the counters of every account a batch of tips names, in one statement: each account once,
   * by the number of times it is named, in a fixed order (so that concurrent batches lock rows in
   * the same order). Returns, per account, the counters of each naming in turn.
   */
  private Map<Account, java.util.Deque<Counters>> countReports(List<Account> named) {
    Map<Account, Integer> times =
        new java.util.TreeMap<>(
            java.util.Comparator.comparing(Account::bin).thenComparing(Account::number));
    named.forEach(a -> times.merge(a, 1, Integer::sum));
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "INSERT INTO account_state (bank_bin, account_number, report_count, sequence,"
                    + " updated_at)"
                    + " SELECT b, n, c, c, now() FROM unnest(CAST(:bins AS varchar[]),"
                    + " CAST(:numbers AS varchar[]), CAST(:times AS int[])) AS t(b, n, c)"
                    + " ON CONFLICT (bank_bin, account_number) DO UPDATE SET"
                    + " report_count = account_state.report_count + EXCLUDED.report_count,"
                    + " sequence = account_state.sequence + EXCLUDED.sequence, updated_at = now()"
                    + " RETURNING bank_bin, account_number, report_count, sequence")
            .setParameter("bins", pgArray(times.keySet().stream().map(Account::bin).toList()))
            .setParameter("numbers", pgArray(times.keySet().stream().map(Account::number).toList()))
            .setParameter(
                "times",
                times.values().stream()
                    .map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(",", "{", "}")))
            .getResultList();
    Map<Account, java.util.Deque<Counters>> counters = new java.util.HashMap<>();
    for (Object[] row : rows) {
      Account account = new Account((String) row[0], (String) row[1]);
      int k = times.get(account);
      long reports = ((Number) row[2]).longValue();
      long sequence = ((Number) row[3]).longValue();
      java.util.Deque<Counters> each = new java.util.ArrayDeque<>();
      for (int i = k - 1; i >= 0; i--) {
        each.add(new Counters(reports - i, sequence - i));
      }
      counters.put(account, each);
    }
    return counters;
  }

  /** The active endpoints of every bank the accounts are at, in one query. */
  private static Map<String, List<BankEndpoint>> activeEndpoints(List<Account> accounts) {
    List<String> bins = accounts.stream().map(Account::bin).distinct().toList();
    Map<String, List<BankEndpoint>> byBank = new java.util.HashMap<>();
    bins.forEach(b -> byBank.put(b, new ArrayList<>()));
    BankEndpoint.<BankEndpoint>list("bankBin in ?1 and active = true order by createdAt", bins)
        .forEach(e -> byBank.get(e.bankBin).add(e));
    return byBank;
  }

  /** A PostgreSQL array literal of strings, each quoted. */
  static String pgArray(List<String> values) {
    return values.stream()
        .map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
        .collect(java.util.stream.Collectors.joining(",", "{", "}"));
  }

  /** Bumps the account's alert sequence (and its report count for a tip) and returns both. */
  private Counters count(Account account, boolean report) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "INSERT INTO account_state (bank_bin, account_number, report_count, sequence,"
                        + " updated_at) VALUES (:bin, :number, :reports, 1, now())"
                        + " ON CONFLICT (bank_bin, account_number) DO UPDATE SET"
                        + " report_count = account_state.report_count + :reports,"
                        + " sequence = account_state.sequence + 1, updated_at = now()"
                        + " RETURNING report_count, sequence")
                .setParameter("bin", account.bin())
                .setParameter("number", account.number())
                .setParameter("reports", report ? 1 : 0)
                .getSingleResult();
    return new Counters(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
  }

  private String bankName(String bin) {
    return banks.byBin(bin).map(BankDirectory.Bank::name).orElse(null);
  }

  private static <T> List<T> nullSafe(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  record Account(String bin, String number) {}

  record Counters(long reportCount, long sequence) {}
}
