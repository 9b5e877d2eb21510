package io.fraudtip.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fraudtip.localstack.demo.Api;
import io.fraudtip.localstack.demo.Platform;
import io.fraudtip.localstack.stack.DemoBankSetup;
import io.fraudtip.localstack.stack.LocalStack;
import io.fraudtip.localstack.stack.Service;
import io.restassured.response.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The banks' part of issue 15 played by a bank with its own token and its own webhook receiver
 * against the platform {@code ./run-local} starts: alerts kept while it had no endpoint, signed
 * webhooks naming the case, the alert list's filters and cursor pages, an answer reaching the case,
 * a disabled endpoint announced to the other. Sacombank (970403) has no demo-bank endpoint and no
 * other system test uses it, so the bank starts with no endpoint at all; the steps build on each
 * other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BankPartIT {
  private static final String BANK = "970403";
  private static final long PAID_VND = 20_000_000L;

  static LocalStack stack;
  static Platform platform;
  static BankReceiver receiver;
  static String token;
  static Instant start;

  /** Endpoint A: id and secret. */
  static String endpointA;

  static String secretA;

  /** The account of step 2 and its account.reported alert. */
  static String account;

  static String alertId;
  static String caseId;

  @BeforeAll
  static void startBank() {
    stack = PlatformStack.get();
    platform = Platform.of(stack);
    receiver = BankReceiver.start();
    token = platform.bankToken(BANK);
    start = Instant.now();
  }

  @AfterAll
  static void stopBank() {
    receiver.close();
  }

  @Test
  @Order(1)
  void alertsRaisedWhileTheBankHadNoEndpointReachTheFirstOneItRegisters() {
    assertThat(get("/api/v1/endpoints").expect(200, "GET /api/v1/endpoints").json())
        .as("the bank's endpoints")
        .isEmpty();
    String early = Platform.newAccountNumber();
    platform.submitTip(paying(early));
    JsonNode kept =
        Platform.await(
            "the alert kept for a bank with no endpoint",
            () -> first(alerts("type=account.reported&account=" + early + "&state=UNDELIVERED")));
    assertThat(kept.path("type").asText()).isEqualTo("account.reported");
    assertThat(kept.hasNonNull("deliveredAt")).isFalse();

    Api.Answer created =
        register("a", List.of("account.reported", "case.linked", "freeze.requested"));
    endpointA = created.json().path("endpoint").path("id").asText();
    secretA = created.json().path("secret").asText();

    BankReceiver.Received webhook = awaitAt("a", "account.reported", early);
    assertThat(webhook.data().path("alertId").asText()).isEqualTo(kept.path("id").asText());
    assertThat(webhook.signedWith(secretA)).isTrue();
    Platform.await(
        "the kept alert listed as delivered",
        () -> first(alerts("type=account.reported&account=" + early + "&state=DELIVERED")));
  }

  @Test
  @Order(2)
  void anAlertForATipNamingItsAccountArrivesSignedAndNamesTheCase() {
    account = Platform.newAccountNumber();
    platform.submitTip(paying(account));
    BankReceiver.Received reported = awaitAt("a", "account.reported", account);
    alertId = reported.data().path("alertId").asText();
    assertThat(reported.data().path("bankBin").asText()).isEqualTo(BANK);
    assertThat(reported.data().path("transfers").get(0).path("amountVnd").asLong())
        .isEqualTo(PAID_VND);
    // Signed with the endpoint's secret over id.timestamp.body: a changed body would not verify.
    assertThat(reported.webhookId()).startsWith("msg_");
    assertThat(reported.signedWith(secretA)).isTrue();
    assertThat(reported.signedWith(secretA, reported.body().replace(account, "0000000000")))
        .isFalse();

    caseId = platform.awaitCaseOf("BANK_ACCOUNT", BANK + ":" + account);
    String reference =
        platform
            .readCase(caseId, "BCA")
            .expect(200, "read the case")
            .json()
            .path("reference")
            .asText();
    if (reported.data().hasNonNull("caseReference")) {
      assertThat(reported.data().path("caseReference").asText()).isEqualTo(reference);
    } else {
      // The case became known after the alert: a case.linked follows, naming the alert.
      BankReceiver.Received linked = awaitAt("a", "case.linked", account);
      assertThat(linked.signedWith(secretA)).isTrue();
      assertThat(linked.data().path("caseReference").asText()).isEqualTo(reference);
      assertThat(linked.data().path("caseId").asText()).isEqualTo(caseId);
      assertThat(linked.data().path("linkedAlertIds").toString()).contains(alertId);
    }
  }

  @Test
  @Order(3)
  void theBankListsItsAlertsByTypeStateAccountAndTimeAndPagesWithoutGapsOrRepeats() {
    List<String> accounts = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String a = Platform.newAccountNumber();
      accounts.add(a);
      platform.submitTip(paying(a));
    }
    for (String a : accounts) {
      Platform.await("the alert about " + a, () -> first(alerts("account=" + a)));
    }
    String filter = "type=account.reported&since=" + start;
    List<String> all = ids(alerts(filter + "&limit=1000").json());
    // the seven accounts of this class so far, one alert each
    assertThat(all).hasSize(7).doesNotHaveDuplicates().contains(alertId);

    // Pages of two, newest first; an alert raised meanwhile is newer than any page's cursor, so
    // it shifts nothing: the pages are the list as it was, each alert once.
    List<String> paged = new ArrayList<>();
    String cursor = null;
    String meanwhile = null;
    do {
      Api.Answer page =
          alerts(filter + "&limit=2" + (cursor == null ? "" : "&cursor=" + encode(cursor)));
      assertThat(page.json().size()).isBetween(1, 2);
      paged.addAll(ids(page.json()));
      cursor = page.header("Next-Cursor").orElse(null);
      if (meanwhile == null) {
        String late = Platform.newAccountNumber();
        platform.submitTip(paying(late));
        meanwhile =
            Platform.await("the alert about " + late, () -> first(alerts("account=" + late)))
                .path("id")
                .asText();
      }
    } while (cursor != null);
    assertThat(paged).isEqualTo(all).doesNotContain(meanwhile);

    // One account, typed as a clerk might; delivered or not; one type; a bad filter names itself.
    String typed =
        account.substring(0, 4) + " " + account.substring(4, 8) + "-" + account.substring(8);
    JsonNode ofAccount = alerts("account=" + encode(typed)).json();
    assertThat(ofAccount).isNotEmpty();
    ofAccount.forEach(a -> assertThat(a.path("accountNumber").asText()).isEqualTo(account));
    assertThat(ids(alerts("account=" + account + "&state=DELIVERED").json())).contains(alertId);
    assertThat(ids(alerts("account=" + account + "&state=UNDELIVERED").json()))
        .doesNotContain(alertId);
    alerts("type=case.linked")
        .json()
        .forEach(a -> assertThat(a.path("type").asText()).isEqualTo("case.linked"));
    Api.Answer bad = get("/api/v1/alerts?type=account.stolen");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("errors").get(0).path("field").asText()).isEqualTo("type");
  }

  @Test
  @Order(4)
  void theBanksAnswerOnItsAlertIsInTheCase() {
    platform
        .answerAlert(
            BANK,
            alertId,
            Map.of("outcome", "FROZEN", "frozenAmountVnd", 15_000_000, "note", "Đã phong tỏa"))
        .expect(202, "answer the alert");
    JsonNode c =
        platform.awaitCase(
            caseId,
            "BCA",
            "the answer in the case",
            k -> k.path("frozenVnd").asLong() == 15_000_000L);
    List<String> details = new ArrayList<>();
    c.path("timeline").forEach(e -> details.add(e.path("detail").asText()));
    assertThat(details).anyMatch(d -> d.startsWith("FROZEN at " + BANK + ":" + account));
  }

  @Test
  @Order(5)
  void anEndpointDisabledIsAnnouncedToTheBanksOtherActiveEndpoint() {
    // Endpoint B takes account.reported only: endpoint.disabled comes whatever the types.
    Api.Answer created = register("b", List.of("account.reported"));
    String secretB = created.json().path("secret").asText();

    Api.Answer paused =
        patch(notification("/api/v1/endpoints/" + endpointA), token, "{\"active\":false}");
    assertThat(paused.status()).isEqualTo(200);
    assertThat(paused.json().path("active").asBoolean()).isFalse();

    BankReceiver.Received told =
        awaitAt(
            "b",
            "endpoint.disabled",
            d -> endpointA.equals(d.path("disabledEndpoint").path("endpointId").asText()));
    assertThat(told.signedWith(secretB)).isTrue();
    assertThat(told.data().path("disabledEndpoint").path("reason").asText()).isEqualTo("BY_USER");
    assertThat(told.data().path("disabledEndpoint").path("url").asText())
        .isEqualTo(receiver.url("a"));
    // the operators were told too
    JsonNode notices =
        platform
            .api()
            .get(notification("/api/v1/notices"), platform.operator())
            .expect(200, "GET /api/v1/notices")
            .json();
    assertThat(notices.findValuesAsText("endpointId")).contains(endpointA);

    // From now on only B receives the bank's alerts.
    String after = Platform.newAccountNumber();
    platform.submitTip(paying(after));
    assertThat(awaitAt("b", "account.reported", after).signedWith(secretB)).isTrue();
    assertThat(receiver.at("a")).noneMatch(r -> r.body().contains(after));
  }

  @Test
  @Order(6)
  void theDemoBankTakesEveryEventTypeAndAnOlderStacksEndpointIsSubscribedToTheRest()
      throws Exception {
    String bin = "970418";
    String url = platform.bank().receiver(bin).url();
    assertThat(types(demoEndpoint(bin, url)))
        .containsExactlyInAnyOrderElementsOf(DemoBankSetup.EVENT_TYPES)
        .contains("case.linked", "endpoint.disabled");

    // A home kept by an older stack: the endpoint registered for the eight older types.
    String id = demoEndpoint(bin, url).path("id").asText();
    patch(
            notification("/api/v1/endpoints/" + id),
            platform.operator(),
            "{\"eventTypes\":[\"account.reported\",\"account.traced\",\"freeze.requested\","
                + "\"case.confirmed\",\"alert.retracted\",\"hold.extended\",\"hold.lifted\","
                + "\"hold.expired\"]}")
        .expect(200, "PATCH the demo endpoint back to the older types");
    Path home = stack.settings().home();
    Path kept = home.resolve("demo-bank.json");
    JsonNode file = Platform.parse(Files.readString(kept));
    ((ObjectNode) file.path(bin)).remove("eventTypes");
    Files.writeString(kept, file.toString());

    DemoBankSetup.register(
        stack.demoBank(),
        home,
        stack.baseUrl(Service.NOTIFICATION),
        platform.operator(),
        List.of(bin));
    JsonNode after = demoEndpoint(bin, url);
    assertThat(after.path("id").asText()).as("the same endpoint, not a new one").isEqualTo(id);
    assertThat(types(after)).containsExactlyInAnyOrderElementsOf(DemoBankSetup.EVENT_TYPES);
  }

  // --- steps ------------------------------------------------------------------------------

  /** A victim's tip paying {@link #PAID_VND} to {@code account} at the bank. */
  private static Map<String, Object> paying(String account) {
    Instant now = Instant.now();
    Map<String, Object> tip = new LinkedHashMap<>();
    tip.put("channel", "WEB");
    tip.put("location", Map.of("provinceCode", "66"));
    tip.put("occurredAt", now.minus(3, ChronoUnit.HOURS).toString());
    tip.put("scamType", "ONLINE_SHOPPING_DELIVERY");
    tip.put("description", "Đặt mua hàng trên mạng, chuyển khoản trước rồi không nhận được hàng");
    tip.put("amountLostVnd", PAID_VND);
    tip.put(
        "transfers",
        List.of(
            Map.of(
                "bank",
                BANK,
                "accountNumber",
                account,
                "amountVnd",
                PAID_VND,
                "at",
                now.minus(2, ChronoUnit.HOURS).toString())));
    return tip;
  }

  /** The bank registers an endpoint on its receiver {@code name}; the answer holds its secret. */
  private static Api.Answer register(String name, List<String> types) {
    return platform
        .api()
        .post(
            notification("/api/v1/endpoints"),
            token,
            Map.of(),
            Map.of("url", receiver.url(name), "eventTypes", types))
        .expect(201, "POST /api/v1/endpoints");
  }

  /** {@code PATCH url} of a JSON body (the stories' client has no PATCH). */
  private static Api.Answer patch(String url, String bearer, String json) {
    Response r =
        given().auth().oauth2(bearer).contentType("application/json").body(json).patch(url);
    Map<String, String> headers = new LinkedHashMap<>();
    r.headers()
        .forEach(h -> headers.putIfAbsent(h.getName().toLowerCase(Locale.ROOT), h.getValue()));
    return new Api.Answer(r.statusCode(), headers, r.asString());
  }

  private static String notification(String path) {
    return platform.url(Service.NOTIFICATION, path);
  }

  private static Api.Answer get(String path) {
    return platform.api().get(notification(path), token);
  }

  /** The bank's alert list with these query parameters. */
  private static Api.Answer alerts(String query) {
    return get("/api/v1/alerts?" + query).expect(200, "GET /api/v1/alerts?" + query);
  }

  private static Optional<JsonNode> first(Api.Answer list) {
    JsonNode items = list.json();
    return items.size() > 0 ? Optional.of(items.get(0)) : Optional.empty();
  }

  private static List<String> ids(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.forEach(a -> ids.add(a.path("id").asText()));
    return ids;
  }

  private static BankReceiver.Received awaitAt(String name, String type, String account) {
    return awaitAt(name, type, d -> account.equals(d.path("accountNumber").asText()));
  }

  private static BankReceiver.Received awaitAt(String name, String type, Predicate<JsonNode> test) {
    return Platform.await(
        type + " at receiver " + name,
        () ->
            receiver.at(name).stream()
                .filter(r -> type.equals(r.type()) && test.test(r.data()))
                .findFirst());
  }

  private static JsonNode demoEndpoint(String bin, String url) {
    JsonNode endpoints =
        platform
            .api()
            .get(notification("/api/v1/endpoints?bankBin=" + bin), platform.operator())
            .expect(200, "GET /api/v1/endpoints")
            .json();
    for (JsonNode e : endpoints) {
      if (url.equals(e.path("url").asText())) {
        return e;
      }
    }
    throw new AssertionError("no demo-bank endpoint of bank " + bin + " at " + url);
  }

  private static List<String> types(JsonNode endpoint) {
    List<String> types = new ArrayList<>();
    endpoint.path("eventTypes").forEach(t -> types.add(t.asText()));
    return types;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
