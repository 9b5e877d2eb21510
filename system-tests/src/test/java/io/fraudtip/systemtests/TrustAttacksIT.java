package io.fraudtip.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fraudtip.localstack.demo.Api;
import io.fraudtip.localstack.demo.Platform;
import io.fraudtip.localstack.infra.PostgresServer;
import io.fraudtip.localstack.stack.Service;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, items 1, 2 and 5 (and the routing's share of item 1), played as the attacks they were,
 * over plain HTTP against the stack {@code ./run-local} starts (SPEC §10). Each failed on the
 * platform before the trust model: the attacker got what they wanted. Distinct citizens are
 * simulated by X-Forwarded-For, which this stack (only) trusts from loopback ({@link
 * PlatformStack}).
 */
class TrustAttacksIT {
  private static final String BANK = "970422";
  private static final String UNIT = "PA05-66";

  static Platform platform;

  @BeforeAll
  static void start() {
    platform = Platform.of(PlatformStack.get());
  }

  @Test
  void attack1_threeAnonymousTipsFromOneAddressSecondsApartDoNotMakeAnAccountHighRisk() {
    String account = Platform.newAccountNumber();
    String address = newAddress();
    for (int i = 0; i < 3; i++) {
      submit(tip(account, null), address, null);
    }
    JsonNode check = awaitReports(account, 3);
    assertThat(check.path("riskLevel").asText()).isIn("LOW", "NONE");
    assertThat(check.path("independentSources").asInt()).isEqualTo(1);
    assertThat(check.path("reasons").get(0).path("kind").asText()).isEqualTo("REPORTS");
    assertThat(check.path("reasons").get(0).path("text").asText())
        .isEqualTo("1 independent report with transfers (3 tips)");
  }

  @Test
  void attack1b_oneTipWithAnUnverifiedEmailIsLowNotMedium() {
    String account = Platform.newAccountNumber();
    submit(
        tip(account, Map.of("name", "Trần Văn Bịa", "email", "bia" + account + "@example.vn")),
        newAddress(),
        null);
    JsonNode check = awaitReports(account, 1);
    assertThat(check.path("riskLevel").asText()).isEqualTo("LOW");
  }

  @Test
  void threeIndependentCitizensWithTransfersMakeItHighWithTheirReasons() {
    String account = Platform.newAccountNumber();
    for (int i = 0; i < 3; i++) {
      submit(tip(account, null), newAddress(), null);
    }
    JsonNode check = awaitReports(account, 3);
    assertThat(check.path("riskLevel").asText()).isEqualTo("HIGH");
    assertThat(check.path("independentSources").asInt()).isEqualTo(3);
    assertThat(check.path("reasons").get(0).path("text").asText())
        .isEqualTo("3 independent reports with transfers");

    // One trusted app vouching for three verified citizens: three sources too.
    String viaApp = Platform.newAccountNumber();
    String app = platform.tokens().reporterClient("national-app");
    String server = newAddress();
    for (int i = 0; i < 3; i++) {
      submit(tip(viaApp, Map.of("name", "Công dân " + i, "phone", newPhone())), server, app);
    }
    assertThat(awaitReports(viaApp, 3).path("riskLevel").asText()).isEqualTo("HIGH");
  }

  @Test
  void attack2_oneMoreAnonymousTipDoesNotReopenAnUnfoundedCaseNorRelistItsAccount() {
    String account = Platform.newAccountNumber();
    for (int i = 0; i < 3; i++) {
      submit(tip(account, null), newAddress(), null);
    }
    String caseId = platform.awaitCaseOf("BANK_ACCOUNT", BANK + ":" + account);
    // The unit closes the case once it holds all three reports (they link one after another).
    JsonNode assigned =
        platform.awaitCase(
            caseId,
            "BCA",
            "the case assigned with its three tips",
            c -> c.hasNonNull("unitCode") && c.path("tips").size() == 3);
    String unit = assigned.path("unitCode").asText();
    platform.changeCaseAsRead(caseId, unit, "acknowledge", null).expect(200, "acknowledge");
    platform
        .changeCaseAsRead(caseId, unit, "close", Map.of("closure", "UNFOUNDED"))
        .expect(200, "close UNFOUNDED");

    Instant before = Instant.now();
    JsonNode receipt = submit(tip(account, null), newAddress(), null);
    String tipId = receipt.path("tipId").asText();
    JsonNode fresh = awaitCaseHolding(tipId, unit, before);

    JsonNode old = platform.readCase(caseId, unit).expect(200, "read the closed case").json();
    assertThat(old.path("stage").asText()).isEqualTo("CLOSED");
    assertThat(old.path("closure").asText()).isEqualTo("UNFOUNDED");
    assertThat(fresh.path("id").asText()).isNotEqualTo(caseId);
    assertThat(fresh.path("refersToCaseId").asText()).isEqualTo(caseId);
    JsonNode check = awaitNotListed(BANK + ":" + account);
    assertThat(check.path("riskLevel").asText()).isEqualTo("NONE");
    assertThat(check.path("counts").path("years5").path("rejected").asInt()).isEqualTo(3);
  }

  @Test
  void attack5_anUpheldDisputeIsNotAnAmnestyAnIndependentReportGoesToTheUnitForReview() {
    String account = Platform.newAccountNumber();
    String value = BANK + ":" + account;
    submit(tip(account, null), newAddress(), null);
    String caseId = platform.awaitCaseOf("BANK_ACCOUNT", value);
    platform.awaitCase(caseId, "BCA", "the case assigned", c -> c.hasNonNull("unitCode"));
    Api api = platform.api();
    String disputeId =
        api.post(
                platform.url(Service.CASES, "/api/v1/disputes"),
                null,
                Map.of(),
                Map.of("type", "BANK_ACCOUNT", "value", value, "reason", "Tài khoản của tôi"))
            .expect(201, "file a dispute")
            .json()
            .path("id")
            .asText();
    String unit = platform.readCase(caseId, "BCA").json().path("unitCode").asText();
    api.post(
            platform.url(Service.CASES, "/api/v1/disputes/" + disputeId + "/decision"),
            platform.police(unit),
            Map.of(),
            Map.of("upheld", true))
        .expect(200, "uphold the dispute");

    // a new victim, independent of the first, reports the same account
    String tipId = submit(tip(account, null), newAddress(), null).path("tipId").asText();
    JsonNode c =
        platform.awaitCase(
            caseId,
            unit,
            "the new tip in the case, and a review asked",
            k ->
                k.path("tips").findValuesAsText("tipId").contains(tipId)
                    && k.path("timeline").findValuesAsText("kind").contains("REVIEW_REQUESTED"));
    assertThat(c.path("identifiers"))
        .anyMatch(i -> value.equals(i.path("value").asText()) && i.hasNonNull("reviewRequestedAt"));
    JsonNode disputes =
        api.get(
                platform.url(Service.CASES, "/api/v1/cases/" + caseId + "/disputes"),
                platform.police(unit))
            .expect(200, "the case's disputes")
            .json();
    assertThat(disputes.get(0).hasNonNull("reviewRequestedAt")).isTrue();
    JsonNode check = awaitNotListed(value);
    assertThat(check.path("reasons").findValuesAsText("text"))
        .contains("under review after an upheld dispute");
  }

  @Test
  void oneCallerRepeatingATipDoesNotEscalateTheCase() {
    // The seeded rule R-MASS-VICTIMS sends cases of 20 victims to the ministry: 20 tips from one
    // address are one victim (issue 12: routing counts independent sources, not tips).
    String account = Platform.newAccountNumber();
    String address = newAddress();
    for (int i = 0; i < 20; i++) {
      submit(tip(account, null), address, null);
    }
    String caseId = platform.awaitCaseOf("BANK_ACCOUNT", BANK + ":" + account);
    JsonNode c =
        platform.awaitCase(
            caseId, "BCA", "the case holding all 20 tips", k -> k.path("tips").size() == 20);
    assertThat(c.path("unitCode").asText()).isEqualTo(UNIT);
    assertThat(c.path("victims").asInt()).isEqualTo(20);
    assertThat(c.path("independentSources").asInt()).isEqualTo(1);
    assertThat(c.path("assignments").findValuesAsText("reason")).containsExactly("ROUTED");
    assertThat(c.path("timeline").findValuesAsText("kind")).doesNotContain("REROUTED_UP");
  }

  /**
   * SPEC §5: an identifier on the allow-list is never alerted. A charity's collection account an
   * operator allow-listed is named by a tip beside a scammer's account: the bank hears of the
   * scammer's account at once (notification-service's fast path, which does not wait for
   * case-service) and never of the charity's.
   */
  @Test
  void anAllowListedAccountNamedInATipAlertsNoBank() throws Exception {
    String charity = Platform.newAccountNumber();
    String scammer = Platform.newAccountNumber();
    platform
        .api()
        .post(
            platform.url(Service.CASES, "/api/v1/admin/allow-list"),
            platform.operator(),
            Map.of(),
            Map.of(
                "type",
                "BANK_ACCOUNT",
                "value",
                BANK + ":" + charity,
                "reason",
                "Tài khoản quỹ từ thiện tiếp nhận ủng hộ"))
        .expect(201, "allow-list the charity's account");
    // It reaches notification-service over allow-list.v1: wait for that, not for a while.
    awaitAllowListedInNotification(charity);

    Map<String, Object> tip = tip(scammer, null);
    List<Object> transfers = new ArrayList<>((List<?>) tip.get("transfers"));
    transfers.add(
        Map.of(
            "bank",
            BANK,
            "accountNumber",
            charity,
            "amountVnd",
            500_000,
            "at",
            Instant.now().minus(1, ChronoUnit.HOURS).toString()));
    tip.put("transfers", transfers);
    submit(tip, newAddress(), null);

    platform.awaitWebhook(BANK, "account.reported", scammer);
    // Both accounts' alerts would have been raised in one transaction: none for the charity's.
    assertThat(
            platform
                .api()
                .get(
                    platform.url(Service.NOTIFICATION, "/api/v1/alerts?account=" + charity), bank())
                .expect(200, "the bank's alerts about the charity's account")
                .json())
        .isEmpty();
  }

  /** Waits until notification-service holds the account as allow-listed (its database). */
  private static void awaitAllowListedInNotification(String account) throws Exception {
    var postgres = PlatformStack.get().postgres();
    try (Connection c =
            DriverManager.getConnection(
                postgres.jdbcUrl(Service.NOTIFICATION.database()),
                PostgresServer.USER,
                PostgresServer.PASSWORD);
        PreparedStatement q =
            c.prepareStatement(
                "SELECT listed FROM allow_listed_account WHERE bank_bin = ? AND account_number"
                    + " = ?")) {
      q.setString(1, BANK);
      q.setString(2, account);
      Platform.await(
          account + " allow-listed in notification-service",
          () -> {
            try (ResultSet rs = q.executeQuery()) {
              return rs.next() && rs.getBoolean(1) ? Optional.of(true) : Optional.empty();
            } catch (SQLException e) {
              throw new IllegalStateException(e);
            }
          });
    }
  }

  // --- the attacker's and the citizens' requests --------------------------------------------

  private static JsonNode submit(Map<String, Object> tip, String address, String token) {
    return platform
        .api()
        .post(
            platform.url(Service.INTAKE, "/api/v1/tips"),
            token,
            Map.of("X-Forwarded-For", address),
            tip)
        .expect(202, "POST /api/v1/tips")
        .json();
  }

  /** The watchlist's answer (as a bank) once it counts the reports. */
  private static JsonNode awaitReports(String account, int reports) {
    return Platform.await(
        reports + " reports of " + account,
        () -> {
          JsonNode r = platform.checkWatchlist("BANK_ACCOUNT", BANK + ":" + account, bank());
          return r.path("counts").path("years5").path("reported").asInt() == reports
              ? Optional.of(r)
              : Optional.empty();
        });
  }

  /**
   * The watchlist's answer (as a bank) once it no longer lists the account: answers are cached for
   * up to {@code fraudtip.watchlist.cache-ttl} (2 s), and the awaits above asked it while listed.
   */
  private static JsonNode awaitNotListed(String value) {
    return Platform.await(
        value + " no longer listed",
        () -> {
          JsonNode r = platform.checkWatchlist("BANK_ACCOUNT", value, bank());
          return r.path("listed").asBoolean() ? Optional.empty() : Optional.of(r);
        });
  }

  /** The case of the unit's list, opened since {@code since}, that holds the tip. */
  private static JsonNode awaitCaseHolding(String tipId, String unit, Instant since) {
    return Platform.await(
        "a case holding tip " + tipId,
        () -> {
          for (int page = 0; page < 100; page++) {
            JsonNode p =
                platform
                    .api()
                    .get(
                        platform.url(Service.CASES, "/api/v1/cases?size=200&page=" + page),
                        platform.police(unit))
                    .expect(200, "GET /api/v1/cases")
                    .json();
            for (JsonNode s : p.path("items")) {
              if (Instant.parse(s.path("openedAt").asText()).isBefore(since.minusSeconds(1))) {
                continue;
              }
              JsonNode c = platform.readCase(s.path("id").asText(), unit).json();
              if (c.path("tips").findValuesAsText("tipId").contains(tipId)) {
                return Optional.of(c);
              }
            }
            if (p.path("items").size() < 200) {
              break;
            }
          }
          return Optional.empty();
        });
  }

  private static String bank() {
    return platform.bankToken(BANK);
  }

  private static String newAddress() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return "203." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
  }

  /** A fresh mobile number in an assigned range ("09" + any digits is not always one). */
  private static String newPhone() {
    return Platform.newPhoneNumber();
  }

  /** A victim's tip in Đắk Lắk: a transfer to the account at {@link #BANK}. */
  private static Map<String, Object> tip(String account, Map<String, String> reporter) {
    Instant now = Instant.now();
    Map<String, Object> tip = new LinkedHashMap<>();
    tip.put("channel", "WEB");
    if (reporter != null) {
      tip.put("reporter", reporter);
    }
    tip.put("location", Map.of("provinceCode", "66"));
    tip.put("occurredAt", now.minus(3, ChronoUnit.HOURS).toString());
    tip.put("scamType", "ONLINE_SHOPPING_DELIVERY");
    tip.put("description", "Đặt cọc mua hàng online, chuyển khoản rồi người bán chặn liên lạc");
    tip.put("amountLostVnd", 2_000_000);
    tip.put(
        "transfers",
        List.of(
            Map.of(
                "bank",
                BANK,
                "accountNumber",
                account,
                "amountVnd",
                2_000_000,
                "at",
                now.minus(2, ChronoUnit.HOURS).toString())));
    return tip;
  }
}
