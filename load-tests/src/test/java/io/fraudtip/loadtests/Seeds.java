package io.fraudtip.loadtests;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tips and watchlist values sent from the benchmark's JVM (the seeded watchlist, the batch of
 * 1,000): each tip names a new account and phone, as wrk's {@code bench.lua} does.
 */
final class Seeds {
  private final String bank;
  private final AtomicLong accounts = new AtomicLong(100_000_000_000L + System.nanoTime() % 1000);
  private final AtomicLong phones = new AtomicLong();
  private final List<String> listed = new ArrayList<>();

  Seeds(String bank) {
    this.bank = bank;
  }

  /** The seeded (listed) values, "BIN:account". */
  List<String> listed() {
    return listed;
  }

  String tipBody(String account) {
    Instant now = Instant.now();
    String phone = String.format("091%07d", phones.incrementAndGet() % 10_000_000);
    return """
        {"channel": "MOBILE_APP", "location": {"provinceCode": "66"},
         "occurredAt": "%s", "scamType": "IMPERSONATION_AUTHORITY",
         "description": "Người tự xưng công an gọi điện, yêu cầu chuyển tiền để xác minh",
         "amountLostVnd": 15000000,
         "transfers": [{"bank": "%s", "accountNumber": "%s", "amountVnd": 15000000, "at": "%s"}],
         "scammer": {"phones": ["%s"]}}
        """
        .formatted(now.minusSeconds(3600), bank, account, now.minusSeconds(1800), phone);
  }

  /** Posts {@code count} tips and waits until case-service lists their accounts. */
  void seedWatchlist(int count, String intake, String cases, String bankToken) {
    System.out.println("[bench] seeding the watchlist with " + count + " tips");
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<?>> posts = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String account = Long.toString(accounts.incrementAndGet());
        listed.add(bank + ":" + account);
        posts.add(
            pool.submit(
                () -> {
                  HttpResponse<String> r =
                      client.send(
                          HttpRequest.newBuilder(URI.create(intake + "/api/v1/tips"))
                              .header("Content-Type", "application/json")
                              .POST(HttpRequest.BodyPublishers.ofString(tipBody(account)))
                              .build(),
                          HttpResponse.BodyHandlers.ofString());
                  if (r.statusCode() != 202) {
                    throw new IllegalStateException("seed tip refused: " + r.body());
                  }
                  return null;
                }));
      }
      for (Future<?> f : posts) {
        f.get();
      }
      String last = listed.get(listed.size() - 1);
      URI check =
          URI.create(
              cases
                  + "/api/v1/watchlist/check?type=BANK_ACCOUNT&value="
                  + URLEncoder.encode(last, StandardCharsets.UTF_8));
      long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
      while (true) {
        HttpResponse<String> r =
            client.send(
                HttpRequest.newBuilder(check)
                    .header("Authorization", "Bearer " + bankToken)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("\"listed\":true")) {
          break;
        }
        if (System.nanoTime() > deadline) {
          // The watchlist scenarios still run; their "listed" half may then be unknown values.
          System.out.println(
              "[bench] WARNING: seeded accounts not listed within 180 s: "
                  + r.statusCode()
                  + " "
                  + r.body());
          return;
        }
        Thread.sleep(500);
      }
      System.out.println("[bench] watchlist seeded");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (Exception e) {
      throw new IllegalStateException("seeding failed", e);
    } finally {
      pool.shutdownNow();
    }
  }

  String batchOfThousand() {
    StringBuilder b = new StringBuilder("{\"items\": [");
    for (int i = 0; i < 1000; i++) {
      String value =
          i % 2 == 0 ? listed.get((i / 2) % listed.size()) : bank + ":" + (800_000_000_000L + i);
      b.append(i == 0 ? "" : ",")
          .append("{\"type\":\"BANK_ACCOUNT\",\"value\":\"")
          .append(value)
          .append("\"}");
    }
    return b.append("]}").toString();
  }
}
