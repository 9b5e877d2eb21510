package io.fraudtip.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fraudtip.localstack.bank.DemoBank;
import io.fraudtip.localstack.demo.Api;
import io.fraudtip.localstack.demo.FirstStory;
import io.fraudtip.localstack.demo.Platform;
import io.fraudtip.localstack.stack.LocalStack;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stories of issue #6 against the platform as {@code ./run-local} starts it: three service
 * processes, real Kafka, real PostgreSQL, real HTTP, and the demo bank verifying every webhook's
 * signature. Story 1 is the same code that {@code ./run-local --demo} plays.
 */
class StoriesIT {
  static Platform platform;

  @BeforeAll
  static void start() {
    LocalStack stack = PlatformStack.get();
    platform = Platform.of(stack);
  }

  @Test
  void story1_aTipAlertsTheBankAFreezeFollowsTheMoneyToTheNextBankAndEveryoneSeesIt() {
    FirstStory.Result r = new FirstStory(platform).play();
    String tipId = r.receipt().path("tipId").asText();

    // bank A was alerted at once, as an advisory, about the account the victim paid
    assertThat(r.receipt().path("status").asText()).isEqualTo("RECEIVED");
    JsonNode reported = r.accountReported().data();
    assertThat(reported.path("tipId").asText()).isEqualTo(tipId);
    assertThat(reported.path("bankBin").asText()).isEqualTo(FirstStory.BANK_A);
    assertThat(reported.path("advisory").asBoolean()).isTrue();
    assertThat(reported.path("layer").asInt()).isEqualTo(1);
    assertThat(reported.path("transfers").get(0).path("amountVnd").asLong())
        .isEqualTo(FirstStory.LOSS_VND);
    assertThat(r.tipToBankAlert()).isPositive();

    // the unit's freeze request reached bank A as an order naming the request and a bounded hold
    JsonNode freezeA = r.freezeA().data();
    assertThat(freezeA.path("advisory").asBoolean()).isFalse();
    assertThat(freezeA.path("caseId").asText()).isEqualTo(r.caseId());
    assertThat(freezeA.path("unitCode").asText()).isEqualTo(FirstStory.EXPECTED_UNIT);
    JsonNode authorisation = freezeA.path("authorisation");
    assertThat(authorisation.path("unitCode").asText()).isEqualTo(FirstStory.EXPECTED_UNIT);
    assertThat(authorisation.path("standingOrder").asBoolean()).isFalse();
    assertThat(freezeA.path("holdAmountVnd").asLong()).isEqualTo(FirstStory.LOSS_VND);
    assertThat(Instant.parse(freezeA.path("holdExpiresAt").asText()))
        .isBetween(
            Instant.now().plus(89, ChronoUnit.DAYS), Instant.now().plus(91, ChronoUnit.DAYS));

    // bank A's answer alone made bank B an advisory naming bank A ...
    JsonNode tracedB = r.tracedB().data();
    assertThat(tracedB.path("advisory").asBoolean()).isTrue();
    assertThat(tracedB.path("accountNumber").asText()).isEqualTo(r.accountB());
    assertThat(tracedB.path("layer").asInt()).isEqualTo(2);
    assertThat(tracedB.path("caseReference").asText())
        .isEqualTo(r.finalCase().path("reference").asText());
    assertThat(tracedB.path("tracedBy").path("bankBin").asText()).isEqualTo(FirstStory.BANK_A);
    assertThat(tracedB.path("tracedBy").path("bankName").asText()).isEqualTo("Vietcombank");
    // ... and the unit's standing order (followTrail to layer 2) made it a freeze request
    JsonNode freezeB = r.freezeB().data();
    assertThat(freezeB.path("advisory").asBoolean()).isFalse();
    assertThat(freezeB.path("bankBin").asText()).isEqualTo(FirstStory.BANK_B);
    assertThat(freezeB.path("accountNumber").asText()).isEqualTo(r.accountB());
    assertThat(freezeB.path("layer").asInt()).isEqualTo(2);
    assertThat(freezeB.path("caseId").asText()).isEqualTo(r.caseId());
    assertThat(freezeB.path("authorisation").path("requestId").asText())
        .isEqualTo(authorisation.path("requestId").asText());
    assertThat(freezeB.path("authorisation").path("standingOrder").asBoolean()).isTrue();
    assertThat(freezeB.path("holdAmountVnd").asLong()).isEqualTo(FirstStory.LOSS_VND - 1_000_000);

    // the case: routed by the rule, both layers, both answers, the frozen amount, the request
    JsonNode c = r.finalCase();
    assertThat(c.path("unitCode").asText()).isEqualTo("PA05-66");
    assertThat(c.path("ruleId").asText()).isEqualTo("R-LARGE-LOSS");
    assertThat(c.path("stage").asText()).isEqualTo("ACKNOWLEDGED");
    assertThat(c.path("frozenVnd").asLong()).isEqualTo(FirstStory.FROZEN_VND);
    assertThat(c.path("assignments").get(0).path("ruleId").asText()).isEqualTo("R-LARGE-LOSS");
    assertThat(values(c.path("identifiers"), "value"))
        .contains(FirstStory.BANK_A + ":" + r.accountA(), FirstStory.BANK_B + ":" + r.accountB());
    assertThat(layerOf(c, FirstStory.BANK_B + ":" + r.accountB())).isEqualTo(2);
    JsonNode request = c.path("freezeRequests").get(0);
    assertThat(request.path("id").asText()).isEqualTo(authorisation.path("requestId").asText());
    assertThat(request.path("followTrail").asBoolean()).isTrue();
    assertThat(request.path("maxLayer").asInt()).isEqualTo(FirstStory.TRAIL_LAYERS);
    assertThat(values(request.path("accounts"), "accountNumber"))
        .containsExactly(r.accountA(), r.accountB());
    assertThat(values(c.path("timeline"), "kind"))
        .contains("OPENED", "ASSIGNED", "ACKNOWLEDGED", "FREEZE_REQUESTED", "BANK_RESPONSE");
    assertThat(values(c.path("timeline"), "detail"))
        .anyMatch(d -> d.startsWith("MOVED_ON at " + FirstStory.BANK_A))
        .anyMatch(d -> d.startsWith("FROZEN at " + FirstStory.BANK_B));

    // the statistics count the case's unit's frozen amount
    assertThat(r.statisticsAfter().frozenVnd() - r.statisticsBefore().frozenVnd())
        .isEqualTo(FirstStory.FROZEN_VND);
    assertThat(r.statisticsAfter().tips()).isGreaterThan(r.statisticsBefore().tips());

    // the citizen sees the case in progress, and no personal data
    JsonNode tracking = Platform.parse(r.tracking());
    assertThat(tracking.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(values(tracking.path("history"), "status"))
        .containsSubsequence("RECEIVED", "IN_PROGRESS");
    assertThat(r.tracking())
        .doesNotContain(FirstStory.REPORTER_NAME)
        .doesNotContain("912345678")
        .doesNotContain(FirstStory.REPORTER_EMAIL)
        .doesNotContain(r.accountA());

    // the timeline the demo prints names each step
    assertThat(r.timeline().step("alerted (account.reported").took()).isPositive();
    assertThat(r.timeline().step("assigned by rule R-LARGE-LOSS to unit PA05-66")).isNotNull();
    assertThat(r.timeline().step("answered FROZEN")).isNotNull();

    // ETag/If-Match: a change with a stale version is refused; others' objects are 404
    Api.Answer stale =
        platform.changeCase(
            r.caseId(), "PA05-66", "notes", "\"0\"", Map.of("text", "Ghi chú với ETag cũ"));
    assertThat(stale.status()).isEqualTo(412);
    assertThat(platform.readCase(r.caseId(), "PA05-56").status()).isEqualTo(404);
    assertThat(
            platform
                .answerAlert(
                    FirstStory.BANK_B,
                    r.freezeA().alertId(),
                    Map.of("outcome", "FROZEN", "frozenAmountVnd", 1))
                .status())
        .isEqualTo(404);

    assertEveryDeliveryVerified(FirstStory.BANK_A, FirstStory.BANK_B);
  }

  @Test
  void story2_twoCitizensOfTwoProvincesNamingOnePhoneBecomeOneCaseRoutedUpwards() {
    String phone = Platform.newPhoneNumber();
    String e164 = "+84" + phone.substring(1);

    // a victim in Buôn Ma Thuột (Đắk Lắk), a small loss: the commune police
    JsonNode first = platform.submitTip(phoneTip("66", "24133", phone));
    String caseId = platform.awaitCaseOf("PHONE", phone);
    JsonNode local =
        platform.awaitCase(
            caseId, "BCA", "the case with the commune police", c -> c.hasNonNull("unitCode"));
    assertThat(local.path("unitCode").asText()).isEqualTo("CAX-24133");
    assertThat(local.path("ruleId").asText()).isEqualTo("R-SMALL-LOCAL");
    assertThat(platform.readCase(caseId, "CAX-24133").status()).isEqualTo(200);

    // a victim in Nha Trang (Khánh Hòa) names the same number: same case, two provinces
    JsonNode second = platform.submitTip(phoneTip("56", "22366", phone));
    JsonNode up =
        platform.awaitCase(
            caseId,
            "BCA",
            "the case re-routed to the ministry",
            c -> "A05".equals(c.path("unitCode").asText()));
    assertThat(up.path("ruleId").asText()).isEqualTo("R-MULTI-PROVINCE");
    assertThat(up.path("victims").asInt()).isEqualTo(2);
    assertThat(up.path("provinces").asInt()).isEqualTo(2);
    assertThat(values(up.path("tips"), "tipId"))
        .containsExactlyInAnyOrder(first.path("tipId").asText(), second.path("tipId").asText());
    assertThat(values(up.path("assignments"), "unitCode")).containsExactly("CAX-24133", "A05");
    assertThat(up.path("assignments").get(1).path("reason").asText()).isEqualTo("REROUTED_UP");
    assertThat(values(up.path("identifiers"), "value")).contains(e164);

    // one case for the number, now the ministry's: the commune no longer sees it
    // (a watchlist answer may be up to the cache's time to live old: fraudtip.watchlist.cache-ttl)
    JsonNode listed =
        Platform.await(
            "the watchlist to count both reports",
            () -> {
              JsonNode r = platform.checkWatchlist("PHONE", phone, platform.police("A05"));
              return r.path("reportCount").asInt() == 2 ? Optional.of(r) : Optional.empty();
            });
    assertThat(listed.path("reportCount").asInt()).isEqualTo(2);
    assertThat(listed.path("caseReference").asText()).isEqualTo(up.path("reference").asText());
    assertThat(platform.readCase(caseId, "A05").status()).isEqualTo(200);
    assertThat(platform.readCase(caseId, "CAX-24133").status()).isEqualTo(404);
    // a citizen checking the number sees it listed, without the case
    JsonNode citizen = platform.checkWatchlist("PHONE", phone, null);
    assertThat(citizen.path("listed").asBoolean()).isTrue();
    assertThat(citizen.has("caseReference")).isFalse();
  }

  @Test
  void story3_aCaseClosedAsUnfoundedRetractsItsAlertsAndDelistsItsIdentifiers() {
    String bank = "970415";
    String account = Platform.newAccountNumber();
    String phone = Platform.newPhoneNumber();
    Map<String, Object> tip = phoneTip("66", null, phone);
    tip.put(
        "transfers",
        List.of(
            Map.of(
                "bank",
                bank,
                "accountNumber",
                account,
                "amountVnd",
                8_000_000,
                "at",
                Instant.now().minus(1, ChronoUnit.HOURS).toString())));
    JsonNode receipt = platform.submitTip(tip);
    Platform.Webhook reported = platform.awaitWebhook(bank, "account.reported", account);
    assertThat(reported.data().path("tipId").asText()).isEqualTo(receipt.path("tipId").asText());

    String caseId = platform.awaitCaseOf("BANK_ACCOUNT", bank + ":" + account);
    JsonNode assigned =
        platform.awaitCase(caseId, "BCA", "the case assigned", c -> c.hasNonNull("unitCode"));
    String unit = assigned.path("unitCode").asText();
    assertThat(unit).isEqualTo("PA05-66");
    String bankToken = platform.bankToken(bank);
    assertThat(
            platform
                .checkWatchlist("BANK_ACCOUNT", bank + ":" + account, bankToken)
                .path("listed")
                .asBoolean())
        .isTrue();
    assertThat(platform.checkWatchlist("PHONE", phone, bankToken).path("listed").asBoolean())
        .isTrue();

    // the unit finds nothing in it and closes it as unfounded
    Api.Answer ack =
        platform.changeCaseAsRead(caseId, unit, "acknowledge", null).expect(200, "acknowledge");
    Api.Answer closed =
        platform.changeCase(
            caseId,
            unit,
            "close",
            ack.header("ETag").orElseThrow(),
            Map.of("closure", "UNFOUNDED", "note", "Giao dịch mua bán hợp pháp, không có lừa đảo"));
    assertThat(closed.status()).isEqualTo(200);
    assertThat(closed.json().path("closure").asText()).isEqualTo("UNFOUNDED");

    // the bank is told to drop its alert
    Platform.Webhook retracted = platform.awaitWebhook(bank, "alert.retracted", account);
    assertThat(retracted.data().path("caseId").asText()).isEqualTo(caseId);
    assertThat(retracted.data().path("sequence").asLong())
        .isGreaterThan(reported.data().path("sequence").asLong());

    // and the watchlist no longer lists the account nor the phone
    // (once the cached answers of the checks above have expired: fraudtip.watchlist.cache-ttl)
    JsonNode accountCheck =
        Platform.await(
            "the watchlist to delist the account",
            () -> {
              JsonNode r = platform.checkWatchlist("BANK_ACCOUNT", bank + ":" + account, bankToken);
              return r.path("listed").asBoolean() ? Optional.empty() : Optional.of(r);
            });
    assertThat(accountCheck.path("riskLevel").asText()).isEqualTo("NONE");
    JsonNode phoneCheck =
        Platform.await(
            "the watchlist to delist the phone",
            () -> {
              JsonNode r = platform.checkWatchlist("PHONE", phone, null);
              return r.path("listed").asBoolean() ? Optional.empty() : Optional.of(r);
            });
    assertThat(phoneCheck.path("listed").asBoolean()).isFalse();

    // the citizen sees the case closed
    JsonNode tracking =
        Platform.await(
            "the tracking lookup to show CLOSED",
            () -> {
              JsonNode t = platform.track(receipt.path("trackingCode").asText()).json();
              return "CLOSED".equals(t.path("status").asText())
                  ? java.util.Optional.of(t)
                  : java.util.Optional.empty();
            });
    assertThat(tracking.path("status").asText()).isEqualTo("CLOSED");

    assertEveryDeliveryVerified(bank);
  }

  /** An anonymous tip naming a scammer's phone. */
  private static Map<String, Object> phoneTip(String province, String commune, String phone) {
    Instant now = Instant.now();
    Map<String, Object> location = new LinkedHashMap<>();
    location.put("provinceCode", province);
    if (commune != null) {
      location.put("communeCode", commune);
    }
    Map<String, Object> tip = new LinkedHashMap<>();
    tip.put("channel", "HOTLINE");
    tip.put("location", location);
    tip.put("occurredAt", now.minus(5, ChronoUnit.HOURS).toString());
    tip.put("scamType", "ONLINE_JOB_TASK");
    tip.put(
        "description", "Được mời làm nhiệm vụ online, nạp tiền để nhận hoa hồng rồi mất liên lạc");
    tip.put("amountLostVnd", 8_000_000);
    tip.put("scammer", Map.of("phones", List.of(phone)));
    return tip;
  }

  private static void assertEveryDeliveryVerified(String... banks) {
    for (String bank : banks) {
      List<DemoBank.Delivery> deliveries = platform.bank().receiver(bank).deliveries();
      assertThat(deliveries).isNotEmpty().allMatch(DemoBank.Delivery::verified);
    }
  }

  private static List<String> values(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    StreamSupport.stream(array.spliterator(), false).forEach(n -> out.add(n.path(field).asText()));
    return out;
  }

  private static int layerOf(JsonNode c, String value) {
    for (JsonNode i : c.path("identifiers")) {
      if (value.equals(i.path("value").asText())) {
        return i.path("layer").asInt();
      }
    }
    return -1;
  }
}
