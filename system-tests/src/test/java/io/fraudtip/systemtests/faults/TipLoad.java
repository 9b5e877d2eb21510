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
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts tips to intake at a steady rate from a background thread, as a careful client would: each
 * tip with its own {@code Idempotency-Key}, retried with the same key and body on no answer, a
 * timeout, a {@code 5xx} or a {@code 409} (the first attempt still in flight), until intake answers
 * or {@link #GIVE_UP} has passed. So every tip the client meant to submit must end accepted, once.
 * Where several intake instances run, requests take them in turn, and one that failed is passed
 * over for a few seconds.
 *
 * <p>Tips name bank accounts and phone numbers from a small pool that changes every {@link
 * #GENERATION} tips, so that tips link to each other's cases and cases merge while the faults
 * happen. Every fifteenth tip is invalid (an unknown province) and must be refused. Each tip's
 * description carries a marker ({@link #marker}) by which the ledger finds it in intake's database.
 */
final class TipLoad implements AutoCloseable {
  /** The seeded banks, each with a demo bank endpoint. */
  static final List<String> BANKS = List.of("970436", "970422", "970415", "970418");

  /** Tips per pool of accounts and phones: linking and merges go on through the whole run. */
  static final int GENERATION = 40;

  private static final int ACCOUNTS_PER_GENERATION = 8;
  private static final int PHONES_PER_GENERATION = 4;
  private static final Duration GIVE_UP = Duration.ofMinutes(3);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final int MAX_OUTSTANDING = 16;

  /** How long an instance that failed a request is passed over while another instance is left. */
  private static final Duration AVOID = Duration.ofSeconds(5);

  /** A bank account a tip names, which must be alerted to its bank. */
  record Account(String bin, String number) {}

  /** A tip the client means to submit (a valid one must end accepted exactly once). */
  record Intended(
      int seq, String key, boolean invalid, List<Account> accounts, String phone, long amountVnd) {}

  /** A tip intake accepted, after {@code attempts} requests. */
  record Accepted(
      int seq,
      UUID tipId,
      List<Account> accounts,
      String phone,
      long amountVnd,
      Instant at,
      int attempts) {}

  /**
   * A tip that did not end accepted: refused ({@code 4xx}, right for an invalid one) or given up
   * after {@link #GIVE_UP} of failures ({@code status} the last answer, 0 for none).
   */
  record NotAccepted(int seq, boolean invalid, int status, List<Account> accounts) {}

  private final String runTag = String.format("%05d", (System.currentTimeMillis() / 1000) % 100000);
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "tip-load-tick"));
  private final ExecutorService senders =
      Executors.newFixedThreadPool(MAX_OUTSTANDING, r -> daemon(r, "tip-load-send"));
  private final ExecutorService bursts =
      Executors.newFixedThreadPool(8, r -> daemon(r, "tip-load-burst"));
  private final AtomicInteger seq = new AtomicInteger();
  private final AtomicInteger outstanding = new AtomicInteger();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong failedRequests = new AtomicLong();
  private final Map<Integer, Intended> intended = new ConcurrentHashMap<>();
  private final Map<UUID, Accepted> accepted = new ConcurrentHashMap<>();
  private final List<NotAccepted> refused = new CopyOnWriteArrayList<>();
  private final List<NotAccepted> givenUp = new CopyOnWriteArrayList<>();
  private volatile List<String> intakeUrls;
  private final Map<String, Long> avoidUntil = new ConcurrentHashMap<>();
  private volatile boolean closing;

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
    // A dead intake holds senders in their retries; do not pile up more meanwhile. A skipped tick
    // is a tip never meant, not one lost.
    if (outstanding.get() >= MAX_OUTSTANDING) {
      skipped.incrementAndGet();
      return;
    }
    send(senders);
  }

  /**
   * Submits {@code n} tips at once beside the steady rate: a backlog for consumers to work through.
   * Returns their sequence numbers.
   */
  List<Integer> burst(int n) {
    List<Integer> sent = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      sent.add(send(bursts));
    }
    return sent;
  }

  private int send(ExecutorService executor) {
    outstanding.incrementAndGet();
    Intended tip = next(seq.incrementAndGet());
    intended.put(tip.seq(), tip);
    executor.execute(
        () -> {
          try {
            submit(tip);
          } finally {
            outstanding.decrementAndGet();
          }
        });
    return tip.seq();
  }

  /** The n-th tip: one or two accounts and maybe a phone, from the pool of its generation. */
  private Intended next(int n) {
    boolean invalid = n % 15 == 0;
    if (invalid) {
      // Accounts of its own, so that the ledger can tell that a refused tip left no trace.
      Account own =
          new Account(BANKS.get(n % BANKS.size()), "8" + runTag + String.format("%06d", n));
      return new Intended(
          n, UUID.randomUUID().toString(), true, List.of(own), null, 1_000_000L + n);
    }
    int generation = n / GENERATION;
    // Mixed seeds: java.util.Random's first draws from neighbouring seeds are all the same.
    SplittableRandom random = new SplittableRandom(n);
    List<Account> accounts = new ArrayList<>();
    accounts.add(pooledAccount(generation, random.nextInt(ACCOUNTS_PER_GENERATION)));
    if (n % 4 == 0) {
      Account second = pooledAccount(generation, random.nextInt(ACCOUNTS_PER_GENERATION));
      if (!second.equals(accounts.get(0))) {
        accounts.add(second);
      }
    }
    String phone =
        n % 3 == 0 ? pooledPhone(generation, random.nextInt(PHONES_PER_GENERATION)) : null;
    return new Intended(
        n, UUID.randomUUID().toString(), false, List.copyOf(accounts), phone, 1_000_000L + n);
  }

  /** An account of the pool: digits only, unique to this run, generation and place. */
  private Account pooledAccount(int generation, int i) {
    return new Account(
        BANKS.get(i % BANKS.size()), "9" + runTag + String.format("%05d", generation) + i);
  }

  /** A Vietnamese mobile number of the pool (0913 is a VinaPhone range), unique to this run. */
  private String pooledPhone(int generation, int i) {
    return String.format("0913%02d%02d%02d", Integer.parseInt(runTag) % 100, generation % 100, i);
  }

  private void submit(Intended tip) {
    String body = body(tip);
    long deadline = System.nanoTime() + GIVE_UP.toNanos();
    int attempts = 0;
    int status = 0;
    while (true) {
      attempts++;
      String instance = instance(tip.seq() + attempts);
      String url = instance + "/api/v1/tips";
      String answer = null;
      requests.incrementAndGet();
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create(url))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Accept-Language", "en")
                    .header("Idempotency-Key", tip.key())
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        status = response.statusCode();
        answer = response.body();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        status = 0;
      } catch (Exception e) {
        status = 0;
      }
      if (status == 202 && !tip.invalid()) {
        UUID tipId = UUID.fromString(readTipId(answer));
        accepted.put(
            tipId,
            new Accepted(
                tip.seq(),
                tipId,
                tip.accounts(),
                tip.phone(),
                tip.amountVnd(),
                Instant.now(),
                attempts));
        return;
      }
      boolean retryable = status == 0 || status >= 500 || status == 409;
      if (retryable) {
        failedRequests.incrementAndGet();
      }
      if (status == 0 || status >= 500) {
        avoidUntil.put(instance, System.nanoTime() + AVOID.toNanos());
      }
      if (!retryable || System.nanoTime() > deadline || closing) {
        NotAccepted outcome = new NotAccepted(tip.seq(), tip.invalid(), status, tip.accounts());
        (retryable ? givenUp : refused).add(outcome);
        return;
      }
      sleep(Duration.ofMillis(Math.min(2000, 250L * attempts)));
    }
  }

  /**
   * The instance for a request: the n-th in turn, skipping those that failed in the last {@link
   * #AVOID} (as a load balancer's health check would) while another is left.
   */
  private String instance(int n) {
    List<String> urls = intakeUrls;
    long now = System.nanoTime();
    for (int i = 0; i < urls.size(); i++) {
      String url = urls.get((n + i) % urls.size());
      Long until = avoidUntil.get(url);
      if (until == null || until - now < 0) {
        return url;
      }
    }
    return urls.get(n % urls.size());
  }

  private static String readTipId(String answer) {
    try {
      return Json.events().readTree(answer).path("tipId").asText();
    } catch (Exception e) {
      throw new IllegalStateException("a 202 without a tip id: " + answer, e);
    }
  }

  /** The text by which the ledger finds the n-th tip of this run in intake's database. */
  String marker(int n) {
    return "[fault-load " + runTag + " #" + n + "]";
  }

  private String body(Intended t) {
    ObjectNode tip = Json.events().createObjectNode();
    int n = t.seq();
    tip.put("channel", "WEB");
    tip.putObject("location").put("provinceCode", t.invalid() ? "99" : n % 2 == 0 ? "66" : "56");
    Instant now = Instant.now();
    tip.put("occurredAt", now.minusSeconds(3600).toString());
    tip.put("scamType", n % 3 == 0 ? "INVESTMENT_CRYPTO" : "IMPERSONATION_AUTHORITY");
    tip.put("description", "Tố giác của bộ kiểm thử sự cố: chuyển tiền cho kẻ gian " + marker(n));
    tip.put("amountLostVnd", t.amountVnd());
    Account paid = t.accounts().get(0);
    ArrayNode transfers = tip.putArray("transfers");
    transfers
        .addObject()
        .put("bank", paid.bin())
        .put("accountNumber", paid.number())
        .put("amountVnd", t.amountVnd())
        .put("at", now.minusSeconds(1800).toString());
    if (t.accounts().size() > 1 || t.phone() != null) {
      ObjectNode scammer = tip.putObject("scammer");
      if (t.accounts().size() > 1) {
        Account named = t.accounts().get(1);
        scammer
            .putArray("bankAccounts")
            .addObject()
            .put("bank", named.bin())
            .put("accountNumber", named.number());
      }
      if (t.phone() != null) {
        scammer.putArray("phones").add(t.phone());
      }
    }
    return Json.write((JsonNode) tip);
  }

  /** Tips intake accepted so far. */
  Map<UUID, Accepted> accepted() {
    return Map.copyOf(accepted);
  }

  /** Every tip the client has meant to submit so far, by sequence number. */
  Map<Integer, Intended> intended() {
    return Map.copyOf(intended);
  }

  List<NotAccepted> refused() {
    return List.copyOf(refused);
  }

  /** Valid or not, tips the client gave up on after failures for {@link #GIVE_UP}. */
  List<NotAccepted> givenUp() {
    return List.copyOf(givenUp);
  }

  /** The requests sent so far, and those that failed (no answer, timeout, 5xx, 409). */
  Requests requests() {
    return new Requests(requests.get(), failedRequests.get());
  }

  /** Counts of requests; the difference of two shows what happened in between. */
  record Requests(long sent, long failed) {
    Requests minus(Requests before) {
      return new Requests(sent - before.sent, failed - before.failed);
    }

    double failedShare() {
      return sent == 0 ? 0 : (double) failed / sent;
    }
  }

  /** Tips being submitted (retries included) at this moment. */
  int outstanding() {
    return outstanding.get();
  }

  long skipped() {
    return skipped.get();
  }

  /** Stops starting tips and waits for those under way to end (accepted, refused or given up). */
  @Override
  public void close() {
    ticker.shutdownNow();
    senders.shutdown();
    bursts.shutdown();
    try {
      long wait = GIVE_UP.toSeconds() + 30;
      if (!senders.awaitTermination(wait, TimeUnit.SECONDS)
          || !bursts.awaitTermination(wait, TimeUnit.SECONDS)) {
        closing = true;
        senders.awaitTermination(30, TimeUnit.SECONDS);
        bursts.awaitTermination(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
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
