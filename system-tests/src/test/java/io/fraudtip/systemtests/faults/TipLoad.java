package io.fraudtip.systemtests.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fraudtip.contracts.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts tips to intake at a steady rate from a background thread and records every answer: the
 * accepted tips ({@code 202}) with the bank accounts each must alert, the refused ones ({@code
 * 4xx}) and those whose outcome the caller cannot know (no answer, {@code 5xx}). Every tip names
 * fresh account numbers, so that each one's traces can be found again. Every fifteenth tip is
 * invalid (an unknown province) and must be refused.
 */
final class TipLoad implements AutoCloseable {
  /** The seeded banks, each with a demo bank endpoint. */
  static final List<String> BANKS = List.of("970436", "970422", "970415", "970418");

  /** A bank account a tip names, which must be alerted to its bank. */
  record Account(String bin, String number) {}

  /** A tip intake accepted. */
  record Accepted(int seq, UUID tipId, List<Account> accounts, Instant at) {}

  /** A tip not accepted, by its accounts. */
  record NotAccepted(int seq, boolean invalid, int status, List<Account> accounts) {}

  private final String runTag = String.format("%05d", (System.currentTimeMillis() / 1000) % 100000);
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "tip-load-tick"));
  private final ExecutorService senders =
      Executors.newFixedThreadPool(6, r -> daemon(r, "tip-load-send"));
  private final AtomicInteger seq = new AtomicInteger();
  private final AtomicInteger outstanding = new AtomicInteger();
  private final AtomicLong skipped = new AtomicLong();
  private final Map<UUID, Accepted> accepted = new ConcurrentHashMap<>();
  private final List<NotAccepted> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final List<NotAccepted> unknown = new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile List<String> intakeUrls;

  TipLoad(List<String> intakeUrls) {
    this.intakeUrls = List.copyOf(intakeUrls);
  }

  /** Starts posting a tip every {@code intervalMillis}. */
  TipLoad start(int intervalMillis) {
    ticker.scheduleAtFixedRate(this::tick, 0, intervalMillis, TimeUnit.MILLISECONDS);
    return this;
  }

  /** Spreads the tips over these intake instances from now on. */
  void intakeUrls(List<String> urls) {
    intakeUrls = List.copyOf(urls);
  }

  private void tick() {
    // A dead intake makes callers wait for timeouts; do not pile up more than a few meanwhile.
    if (outstanding.get() >= 12) {
      skipped.incrementAndGet();
      return;
    }
    outstanding.incrementAndGet();
    int n = seq.incrementAndGet();
    senders.execute(
        () -> {
          try {
            send(n);
          } finally {
            outstanding.decrementAndGet();
          }
        });
  }

  private void send(int n) {
    boolean invalid = n % 15 == 0;
    List<Account> accounts = new ArrayList<>();
    accounts.add(new Account(BANKS.get(n % BANKS.size()), account(n, 1)));
    if (n % 4 == 0) {
      accounts.add(new Account(BANKS.get((n + 1) % BANKS.size()), account(n, 2)));
    }
    String body = body(n, invalid, accounts);
    List<String> urls = intakeUrls;
    String url = urls.get(n % urls.size()) + "/api/v1/tips";
    int status;
    String answer;
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url))
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "application/json")
                  .header("Accept-Language", "en")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      status = response.statusCode();
      answer = response.body();
    } catch (Exception e) {
      status = 0;
      answer = null;
    }
    if (status == 202 && !invalid) {
      try {
        UUID tipId = UUID.fromString(Json.events().readTree(answer).path("tipId").asText());
        accepted.put(tipId, new Accepted(n, tipId, List.copyOf(accounts), Instant.now()));
      } catch (Exception e) {
        unknown.add(new NotAccepted(n, false, status, accounts));
      }
    } else if (status >= 400 && status < 500 || invalid) {
      refused.add(new NotAccepted(n, invalid, status, accounts));
    } else {
      unknown.add(new NotAccepted(n, false, status, accounts));
    }
  }

  /** A fresh, digits-only account number, unique to this run, tip and position. */
  private String account(int n, int position) {
    return "9" + runTag + String.format("%06d", n) + position;
  }

  private static String body(int n, boolean invalid, List<Account> accounts) {
    ObjectNode tip = Json.events().createObjectNode();
    tip.put("channel", "WEB");
    tip.putObject("location").put("provinceCode", invalid ? "99" : n % 2 == 0 ? "66" : "56");
    Instant now = Instant.now();
    tip.put("occurredAt", now.minusSeconds(3600).toString());
    tip.put("scamType", n % 3 == 0 ? "INVESTMENT_CRYPTO" : "IMPERSONATION_AUTHORITY");
    tip.put("description", "Tố giác số " + n + " của bộ kiểm thử sự cố: chuyển tiền cho kẻ gian");
    tip.put("amountLostVnd", 1_000_000L + n);
    Account paid = accounts.get(0);
    ArrayNode transfers = tip.putArray("transfers");
    transfers
        .addObject()
        .put("bank", paid.bin())
        .put("accountNumber", paid.number())
        .put("amountVnd", 1_000_000L + n)
        .put("at", now.minusSeconds(1800).toString());
    if (accounts.size() > 1) {
      Account named = accounts.get(1);
      ArrayNode bankAccounts = tip.putObject("scammer").putArray("bankAccounts");
      bankAccounts.addObject().put("bank", named.bin()).put("accountNumber", named.number());
    }
    return Json.write((JsonNode) tip);
  }

  /** Tips intake accepted so far. */
  Map<UUID, Accepted> accepted() {
    return Map.copyOf(accepted);
  }

  List<NotAccepted> refused() {
    return List.copyOf(refused);
  }

  List<NotAccepted> unknown() {
    return List.copyOf(unknown);
  }

  int sent() {
    return seq.get();
  }

  long skipped() {
    return skipped.get();
  }

  /** Stops sending and waits for the answers of the tips under way. */
  @Override
  public void close() {
    ticker.shutdownNow();
    senders.shutdown();
    try {
      senders.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
