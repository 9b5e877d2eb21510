package io.fraudtip.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.fraudtip.contracts.Json;
import io.fraudtip.localstack.bank.DemoBank;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.localstack.stack.LocalStack;
import io.fraudtip.localstack.stack.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A running platform as the stories use it: the services' APIs with the stack's tokens, and the
 * demo bank that receives (and verifies) the webhooks. One place for the steps that the system
 * tests and {@code ./run-local --demo} share.
 */
public final class Platform {
  /** How long a story waits for an effect it expects before it fails. */
  public static final Duration PATIENCE = Duration.ofSeconds(30);

  private final Map<Service, String> urls;
  private final Tokens tokens;
  private final DemoBank bank;
  private final Api api = new Api();

  public Platform(Map<Service, String> urls, Tokens tokens, DemoBank bank) {
    this.urls = Map.copyOf(urls);
    this.tokens = tokens;
    this.bank = bank;
  }

  /** The platform of a running local stack. */
  public static Platform of(LocalStack stack) {
    Map<Service, String> urls = new java.util.EnumMap<>(Service.class);
    for (Service s : Service.values()) {
      urls.put(s, stack.baseUrl(s));
    }
    return new Platform(urls, stack.tokens(), stack.demoBank());
  }

  public Api api() {
    return api;
  }

  public Tokens tokens() {
    return tokens;
  }

  public DemoBank bank() {
    return bank;
  }

  public String url(Service s, String path) {
    return urls.get(s) + path;
  }

  /** A police unit's token. */
  public String police(String unit) {
    return tokens.police(unit);
  }

  /** A bank's token. */
  public String bankToken(String bin) {
    return tokens.bank(bin);
  }

  public String operator() {
    return tokens.operator("operator@local");
  }

  /** A fresh account number, so that a story never joins an earlier run's case. */
  public static String newAccountNumber() {
    return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L))
        + ThreadLocalRandom.current().nextInt(10, 99);
  }

  /** A fresh Vietnamese mobile number (Viettel 09x range), local form. */
  public static String newPhoneNumber() {
    return "098" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
  }

  // --- intake -----------------------------------------------------------------------------

  /** Submits a tip as a citizen; the receipt ({@code tipId, trackingCode, status, receivedAt}). */
  public JsonNode submitTip(Object tip) {
    return submitTipAnswer(tip).expect(202, "POST /api/v1/tips").json();
  }

  /**
   * Submits a tip, honouring a {@code 429}'s {@code Retry-After} (the intake limit per source
   * address) by waiting and trying again.
   */
  public Api.Answer submitTipAnswer(Object tip) {
    String body = Json.write(tip);
    return limited(() -> api.post(url(Service.INTAKE, "/api/v1/tips"), null, Map.of(), body));
  }

  /** What the citizen sees with the tracking code: status and public history. */
  public Api.Answer track(String trackingCode) {
    return limited(() -> api.get(url(Service.INTAKE, "/api/v1/tips/" + trackingCode), null));
  }

  /** Intake limits requests per source address: a {@code 429} is waited out as it says. */
  private static Api.Answer limited(Supplier<Api.Answer> call) {
    for (int attempt = 0; ; attempt++) {
      Api.Answer a = call.get();
      if (a.status() != 429 || attempt >= 20) {
        return a;
      }
      long seconds = a.header("Retry-After").map(Long::parseLong).orElse(1L);
      sleep(Duration.ofSeconds(seconds));
    }
  }

  // --- case-service -----------------------------------------------------------------------

  /** The watchlist's answer for one identifier, as the given caller (null: a citizen). */
  public JsonNode checkWatchlist(String type, String value, String token) {
    return api.get(
            url(
                Service.CASES,
                "/api/v1/watchlist/check?type="
                    + type
                    + "&value="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8)),
            token)
        .expect(200, "GET /api/v1/watchlist/check")
        .json();
  }

  /**
   * The id of the case that holds an identifier: the watchlist names the case's reference (banks
   * and police), and the ministry's root unit ({@code BCA}), which sees every case, finds it in its
   * list.
   */
  public String awaitCaseOf(String type, String value) {
    String reference =
        await(
            "a case listing " + type + " " + value,
            () -> {
              JsonNode r = checkWatchlist(type, value, police("BCA"));
              return r.path("listed").asBoolean() && r.hasNonNull("caseReference")
                  ? Optional.of(r.path("caseReference").asText())
                  : Optional.empty();
            });
    return await(
        "case " + reference + " in the ministry's list",
        () -> {
          for (int page = 0; page < 1000; page++) {
            JsonNode p =
                api.get(url(Service.CASES, "/api/v1/cases?size=200&page=" + page), police("BCA"))
                    .expect(200, "GET /api/v1/cases")
                    .json();
            for (JsonNode c : p.path("items")) {
              if (reference.equals(c.path("reference").asText())) {
                return Optional.of(c.path("id").asText());
              }
            }
            if (p.path("items").size() < 200) {
              break;
            }
          }
          return Optional.empty();
        });
  }

  /** A case as a unit reads it (the answer holds its ETag). */
  public Api.Answer readCase(String caseId, String unit) {
    return api.get(url(Service.CASES, "/api/v1/cases/" + caseId), police(unit));
  }

  /** Waits until the case, as the unit reads it, satisfies {@code test}; returns it. */
  public JsonNode awaitCase(String caseId, String unit, String what, Predicate<JsonNode> test) {
    return await(
        what,
        () -> {
          Api.Answer a = readCase(caseId, unit);
          return a.status() == 200 && test.test(a.json())
              ? Optional.of(a.json())
              : Optional.empty();
        });
  }

  /** A change of the police API ({@code acknowledge}, {@code freeze-requests}, {@code close}…). */
  public Api.Answer changeCase(
      String caseId, String unit, String action, String etag, Object body) {
    return api.post(
        url(Service.CASES, "/api/v1/cases/" + caseId + "/" + action),
        police(unit),
        etag == null ? Map.of() : Map.of("If-Match", etag),
        body == null ? "{}" : body);
  }

  /**
   * A change made as a police client should make it: read the case's ETag, send the change, and
   * when the case moved in between (a tip linked, a bank answered: 412), read it again and retry.
   */
  public Api.Answer changeCaseAsRead(String caseId, String unit, String action, Object body) {
    Api.Answer answer = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      answer = changeCase(caseId, unit, action, etag(caseId, unit), body);
      if (answer.status() != 412) {
        return answer;
      }
    }
    return answer;
  }

  /** The case's ETag as the unit reads it now. */
  public String etag(String caseId, String unit) {
    return readCase(caseId, unit)
        .expect(200, "GET /api/v1/cases/" + caseId)
        .header("ETag")
        .orElseThrow(() -> new StoryFailure("no ETag on case " + caseId));
  }

  /**
   * The statistics report (operator), grouped by {@code PROVINCE}, {@code UNIT} or {@code
   * SCAM_TYPE}.
   */
  public JsonNode statistics(String groupBy) {
    // The same resource answers CSV too: ask for JSON.
    return api.get(
            url(Service.CASES, "/api/v1/statistics?groupBy=" + groupBy),
            operator(),
            Map.of("Accept", "application/json"))
        .expect(200, "GET /api/v1/statistics")
        .json();
  }

  // --- notification-service and the demo bank ----------------------------------------------

  /**
   * A webhook the demo bank received, verified.
   *
   * @param delivery as the receiver recorded it
   * @param json its body
   */
  public record Webhook(DemoBank.Delivery delivery, JsonNode json) {
    public String type() {
      return json.path("type").asText();
    }

    public JsonNode data() {
      return json.path("data");
    }

    public String alertId() {
      return data().path("alertId").asText();
    }

    public Instant receivedAt() {
      return delivery.receivedAt();
    }
  }

  /**
   * Waits for a webhook of {@code type} at bank {@code bin} about {@code account} whose signature
   * the demo bank verified.
   */
  public Webhook awaitWebhook(String bin, String type, String account) {
    return awaitWebhook(
        bin,
        type,
        d -> account.equals(d.path("accountNumber").asText()),
        type + " about " + account);
  }

  /**
   * Waits for a verified webhook of {@code type} at bank {@code bin} whose data passes {@code
   * test}.
   */
  public Webhook awaitWebhook(String bin, String type, Predicate<JsonNode> test, String what) {
    return await(
        what + " at bank " + bin,
        () -> {
          for (DemoBank.Delivery d : bank.receiver(bin).deliveries()) {
            if (!d.verified()) {
              continue;
            }
            JsonNode json = parse(d.body());
            if (type.equals(json.path("type").asText()) && test.test(json.path("data"))) {
              return Optional.of(new Webhook(d, json));
            }
          }
          return Optional.empty();
        });
  }

  /** A bank answers an alert ({@code POST /api/v1/alerts/{alertId}/responses}) with its token. */
  public Api.Answer answerAlert(String bin, String alertId, Object answer) {
    return api.post(
        url(Service.NOTIFICATION, "/api/v1/alerts/" + alertId + "/responses"),
        bankToken(bin),
        Map.of(),
        answer);
  }

  public static JsonNode parse(String json) {
    try {
      return Json.events().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Polls {@code probe} until it yields a value, for at most {@link #PATIENCE}. */
  public static <T> T await(String what, Supplier<Optional<T>> probe) {
    Instant deadline = Instant.now().plus(PATIENCE);
    long pause = 5;
    while (true) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (Instant.now().isAfter(deadline)) {
        throw new StoryFailure("waited " + PATIENCE.toSeconds() + " s in vain for " + what);
      }
      sleep(Duration.ofMillis(pause));
      pause = Math.min(100, pause * 2);
    }
  }

  static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoryFailure("interrupted");
    }
  }
}
