package io.fraudtip.loadtests;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.fraudtip.localstack.stack.LocalStack;
import io.fraudtip.localstack.stack.Service;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The SPEC §9 benchmark, one Gatling run against one stack: the machine's ceilings first, then the
 * trivial endpoint ladder, the watchlist (single ladder, batch of 1,000), tip to webhook at a fixed
 * 200 tips/s, and last the tip intake ladder to saturation (last because the tips it accepts keep
 * the downstream services busy for a while). A ladder stops at the first step the server does not
 * keep up with. Writes docs/benchmarks.md in {@link #after()}.
 *
 * <p>Settings (system properties): {@code fraudtip.benchmark.step} seconds per ladder step (10),
 * {@code fraudtip.benchmark.scale} for the fixed-rate runs and ceilings (1.0), {@code
 * fraudtip.benchmark.jfr} to record each service with JFR.
 */
public class PlatformSimulation extends Simulation {
  static final int[] TRIVIAL_RATES = {100, 250, 500, 1000, 2000, 4000, 8000, 15000};
  static final int[] INTAKE_RATES = {100, 250, 500, 1000, 2000, 3000};
  static final int[] WATCHLIST_RATES = {250, 500, 1000, 2000, 4000, 8000, 15000};
  static final int TIP_TO_WEBHOOK_RATE = 200;
  static final int BATCH_RATE = 10;
  static final int SEEDED = 500;
  static final String BANK = "970422";

  /** Beyond this many requests outstanding in one step, new ones are dropped (counted). */
  private static final int MAX_IN_FLIGHT = 1000;

  private final int stepSeconds = Integer.getInteger("fraudtip.benchmark.step", 10);
  private final double scale =
      Double.parseDouble(System.getProperty("fraudtip.benchmark.scale", "1.0"));
  private final Path out =
      Path.of(System.getProperty("fraudtip.benchmark.out", "target/benchmark"));
  private final Path docs =
      Path.of(System.getProperty("fraudtip.repository", ".."), "docs", "benchmarks.md");

  private final Instant startedAt = Instant.now();
  private final String loadAtStart = Report.loadAverage();
  private final LocalStack stack = BenchStack.start(out);
  private final RssSampler rss = new RssSampler(stack);
  private final String bankToken = stack.tokens().bank(BANK);
  private final String intake = stack.baseUrl(Service.INTAKE);
  private final String cases = stack.baseUrl(Service.CASES);
  private final AtomicLong accounts = new AtomicLong(100_000_000_000L + System.nanoTime() % 1000);
  private final AtomicLong phones = new AtomicLong();
  private final List<String> listed = new ArrayList<>();
  private final Map<String, List<Step>> ladders = new LinkedHashMap<>();
  private final TipToWebhook tipToWebhook = new TipToWebhook(stack.demoBank().receiver(BANK));
  private final Map<String, Map<String, Double>> ceilings = new LinkedHashMap<>();
  private final ConsumerLag lag = new ConsumerLag(stack.kafkaBootstrapServers());
  private final String batchBody;

  {
    seedWatchlist();
    batchBody = batchOfThousand();
    measureCeilings();

    HttpProtocolBuilder protocol =
        http.shareConnections()
            .acceptHeader("application/json")
            .contentTypeHeader("application/json")
            .disableCaching();

    List<PopulationBuilder> sequence = new ArrayList<>();
    sequence.add(warmUp("warm-up trivial", http("warm-up trivial").get(intake + "/q/health/live")));
    ladder(
        sequence,
        "trivial",
        TRIVIAL_RATES,
        step -> http(step.name).get(intake + "/q/health/live").check(status().is(200)));
    sequence.add(warmUp("warm-up watchlist", watchlistSingle("warm-up watchlist")));
    ladder(sequence, "watchlist single", WATCHLIST_RATES, step -> watchlistSingle(step.name));
    Step batch = fixed("watchlist batch 1000", BATCH_RATE, seconds(20));
    sequence.add(
        scenario(batch.name)
            .exec(
                timed(
                    batch,
                    http(batch.name)
                        .post(cases + "/api/v1/watchlist/check")
                        .header("Authorization", "Bearer " + bankToken)
                        .body(StringBody(batchBody))
                        .check(status().is(200))))
            .injectOpen(constantUsersPerSec(BATCH_RATE).during(batch.seconds)));
    // The tip path warmed up like the others (JIT, pools, connections), then left to settle, so
    // that the fixed-rate run measures a warm, quiet platform.
    sequence.add(
        scenario("warm-up tips")
            .exec(postTip("warm-up tips"))
            .injectOpen(constantUsersPerSec(50).during(20)));
    sequence.add(settle("settle after warm-up"));
    Step webhook = fixed("tip to webhook", TIP_TO_WEBHOOK_RATE, seconds(30));
    sequence.add(
        scenario(webhook.name)
            .exec(
                timed(
                    webhook,
                    postTip(webhook.name)
                        .check(
                            jsonPath("$.tipId").saveAs("tipId"),
                            jsonPath("$.receivedAt").saveAs("receivedAt"))))
            .exec(
                session -> {
                  // Not sent (too many outstanding) or refused: nothing to follow.
                  if (!session.isFailed() && session.contains("receivedAt")) {
                    tipToWebhook.accepted(
                        session.getString("tipId"), Instant.parse(session.getString("receivedAt")));
                  }
                  return session;
                })
            .injectOpen(constantUsersPerSec(TIP_TO_WEBHOOK_RATE).during(webhook.seconds)));
    // Waits (at most three minutes) for every tracked tip to reach the bank and for every
    // consumer to catch up, so that the intake ladder starts on a quiet platform.
    sequence.add(settle("settle"));
    ladder(sequence, "intake", INTAKE_RATES, step -> postTip(step.name));

    PopulationBuilder chain = sequence.get(sequence.size() - 1);
    for (int i = sequence.size() - 2; i >= 0; i--) {
      chain = sequence.get(i).andThen(chain);
    }
    setUp(chain).protocols(protocol);
  }

  /** Waits up to three minutes for tracked tips to reach the bank and consumers to catch up. */
  private PopulationBuilder settle(String name) {
    return scenario(name)
        .exec(session -> session.set("until", System.nanoTime() + 180_000_000_000L))
        .asLongAs(session -> !settled() && System.nanoTime() < session.getLong("until"))
        .on(pause(Duration.ofMillis(500)))
        .exec(
            session -> {
              System.out.println("[bench] " + name + ": consumer lag " + lag.total());
              return session;
            })
        .injectOpen(atOnceUsers(1));
  }

  private boolean settled() {
    return tipToWebhook.complete() && lag.total() == 0;
  }

  private int seconds(int full) {
    return Math.max(3, (int) Math.round(full * scale));
  }

  private Step fixed(String name, int rate, int seconds) {
    Step step = new Step(name, rate, seconds);
    ladders.put(name, List.of(step));
    return step;
  }

  private interface Request {
    HttpRequestActionBuilder of(Step step);
  }

  private void ladder(List<PopulationBuilder> sequence, String name, int[] rates, Request request) {
    List<Step> steps = new ArrayList<>();
    for (int rate : rates) {
      Step step = new Step(name, rate, stepSeconds);
      steps.add(step);
      List<Step> before = List.copyOf(steps.subList(0, steps.size() - 1));
      sequence.add(
          scenario(step.name)
              .doIf(session -> before.stream().allMatch(Step::keptUp))
              .then(timed(step, request.of(step)))
              .injectOpen(constantUsersPerSec(rate).during(stepSeconds)));
    }
    ladders.put(name, steps);
  }

  private PopulationBuilder warmUp(String name, HttpRequestActionBuilder request) {
    return scenario(name).exec(request).injectOpen(constantUsersPerSec(100).during(5));
  }

  /** Sends the request unless too many are outstanding, and records what came back. */
  private static ChainBuilder timed(Step step, HttpRequestActionBuilder request) {
    return exec(session -> {
          if (step.inFlight.get() >= MAX_IN_FLIGHT) {
            step.dropped.incrementAndGet();
            return session.set("go", false);
          }
          step.sent();
          return session.set("go", true).set("t0", System.nanoTime());
        })
        .doIf(session -> session.getBoolean("go"))
        .then(
            exec(request)
                .exec(
                    session -> {
                      step.answered(
                          !session.isFailed(), (System.nanoTime() - session.getLong("t0")) / 1000);
                      return session;
                    }));
  }

  private HttpRequestActionBuilder watchlistSingle(String name) {
    return http(name)
        .get(cases + "/api/v1/watchlist/check")
        .queryParam("type", "BANK_ACCOUNT")
        .queryParam("value", session -> pickValue())
        .header("Authorization", "Bearer " + bankToken)
        .check(status().is(200));
  }

  private final AtomicLong picks = new AtomicLong();

  /** Half listed (seeded) accounts, half unknown ones. */
  private String pickValue() {
    long n = picks.incrementAndGet();
    return n % 2 == 0
        ? listed.get((int) ((n / 2) % listed.size()))
        : BANK + ":" + (900_000_000_000L + n);
  }

  private HttpRequestActionBuilder postTip(String name) {
    return http(name)
        .post(intake + "/api/v1/tips")
        .body(StringBody(session -> tipBody(Long.toString(accounts.incrementAndGet()))))
        .check(status().is(202));
  }

  private String tipBody(String account) {
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
        .formatted(now.minusSeconds(3600), BANK, account, now.minusSeconds(1800), phone);
  }

  /** Posts {@link #SEEDED} tips and waits until case-service lists their accounts. */
  private void seedWatchlist() {
    System.out.println("[bench] seeding the watchlist with " + SEEDED + " tips");
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<?>> posts = new ArrayList<>();
      for (int i = 0; i < SEEDED; i++) {
        String account = Long.toString(accounts.incrementAndGet());
        listed.add(BANK + ":" + account);
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
                  + java.net.URLEncoder.encode(last, java.nio.charset.StandardCharsets.UTF_8));
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
          throw new IllegalStateException("seeded accounts not listed in time: " + r.body());
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

  private String batchOfThousand() {
    StringBuilder b = new StringBuilder("{\"items\": [");
    for (int i = 0; i < 1000; i++) {
      String value =
          i % 2 == 0 ? listed.get((i / 2) % listed.size()) : BANK + ":" + (800_000_000_000L + i);
      b.append(i == 0 ? "" : ",")
          .append("{\"type\":\"BANK_ACCOUNT\",\"value\":\"")
          .append(value)
          .append("\"}");
    }
    return b.append("]}").toString();
  }

  private void measureCeilings() {
    Ceilings c = new Ceilings(stack, scale);
    try {
      System.out.println("[bench] ceiling: Kafka ProducerPerformance");
      ceilings.put("kafkaProducer", c.kafkaProducer());
      System.out.println("[bench] ceiling: bare PostgreSQL insert");
      ceilings.put("postgresInsert", c.postgresInsert(8, seconds(10)));
      ceilings.put("postgresLookup1000", c.postgresLookup1000(200));
      System.out.println("[bench] ceiling: bare Kafka round trip + HTTP POST");
      ceilings.put(
          "kafkaRoundTripPost", c.kafkaRoundTripPlusPost(TIP_TO_WEBHOOK_RATE, seconds(15)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (Exception e) {
      throw new IllegalStateException("a ceiling could not be measured", e);
    }
    System.out.println("[bench] ceilings: " + ceilings);
  }

  @Override
  public void after() {
    try {
      Latencies webhook = tipToWebhook.latencies();
      Report report =
          new Report(
              startedAt,
              loadAtStart,
              Report.loadAverage(),
              stepSeconds,
              scale,
              ladders,
              ceilings,
              webhook,
              tipToWebhook.acceptedCount(),
              tipToWebhook.delivered(),
              rss.idle(),
              rss.max());
      report.write(docs, out);
      System.out.println("[bench] wrote " + docs.toAbsolutePath().normalize());
    } catch (Exception e) {
      e.printStackTrace();
    } finally {
      rss.close();
      lag.close();
      stack.close();
    }
  }
}
