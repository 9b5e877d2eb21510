package io.fraudtip.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fraudtip.localstack.bank.DemoBank;
import io.fraudtip.localstack.demo.Api;
import io.fraudtip.localstack.demo.Platform;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's attacks through bank answers (4, 3 answer-side, 6), as a bank could make them with its
 * own token against the platform {@code ./run-local} starts. Each would succeed on the platform
 * before SPEC §10 "Bank answers".
 */
class BankAnswerAttacksIT {
  /** A province no other system test reports in, so that its statistics are these tests'. */
  private static final String PROVINCE = "01";

  private static final String BANK = "970415";
  private static final String OTHER_BANK = "970422";
  private static final long PAID_VND = 30_000_000L;

  static Platform platform;

  @BeforeAll
  static void start() {
    platform = Platform.of(PlatformStack.get());
  }

  @Test
  void attack4_theSameFreezeSentThreeTimesCountsOnceAndNothingIsRestoredBeyondWhatIsHeld() {
    Paid paid = paidTip();
    long heldBefore = heldInProvince();
    Map<String, Object> frozen = answer("FROZEN", 5_000_000, 0, List.of());
    for (int i = 0; i < 3; i++) {
      assertThat(platform.answerAlert(BANK, paid.alertId, frozen).status()).isEqualTo(202);
    }

    // every answer reaches the case's timeline; the held total counts the current answer once
    JsonNode c =
        platform.awaitCase(
            paid.caseId,
            "BCA",
            "the three answers in the case's timeline",
            k -> count(k.path("timeline"), "BANK_RESPONSE") >= 3);
    assertThat(c.path("frozenVnd").asLong()).isEqualTo(5_000_000L);
    assertThat(heldInProvince() - heldBefore).isEqualTo(5_000_000L);

    // a bank cannot report more returned to victims than it holds
    Api.Answer restored =
        platform.answerAlert(BANK, paid.alertId, answer("RESTORED", 0, 5_000_001, List.of()));
    assertThat(restored.status()).isEqualTo(400);
    assertThat(restored.json().path("errors").get(0).path("field").asText())
        .isEqualTo("restoredAmountVnd");
    assertThat(restored.json().path("errors").get(0).path("code").asText())
        .isEqualTo("amount.exceeds-frozen");
  }

  @Test
  void attack3_aMovedOnAnswerOnACaseClosedAsUnfoundedIsRefusedAndAlertsNoOtherBank() {
    Paid paid = paidTip();
    JsonNode assigned =
        platform.awaitCase(paid.caseId, "BCA", "the case assigned", k -> k.hasNonNull("unitCode"));
    String unit = assigned.path("unitCode").asText();
    Api.Answer ack =
        platform
            .changeCaseAsRead(paid.caseId, unit, "acknowledge", null)
            .expect(200, "acknowledge");
    platform
        .changeCase(
            paid.caseId,
            unit,
            "close",
            ack.header("ETag").orElseThrow(),
            Map.of("closure", "UNFOUNDED", "note", "Giao dịch hợp pháp, không có lừa đảo"))
        .expect(200, "close as unfounded");
    // notification-service has taken the closure once the bank is told to drop its alert
    platform.awaitWebhook(BANK, "alert.retracted", paid.account);

    String onward = Platform.newAccountNumber();
    Api.Answer moved =
        platform.answerAlert(
            BANK,
            paid.alertId,
            answer(
                "MOVED_ON",
                0,
                0,
                List.of(onward(onward, 10_000_000, Instant.now().minus(5, ChronoUnit.MINUTES)))));
    assertThat(moved.status()).isEqualTo(409);
    assertThat(moved.json().path("type").asText()).endsWith("case-closed");
    assertThat(moved.json().path("detail").asText()).contains("UNFOUNDED");

    // nothing about the named account reaches any bank, and the closed case holds nothing new
    sleep(5_000);
    for (String bin : io.fraudtip.localstack.stack.LocalStack.BANKS) {
      assertThat(platform.bank().receiver(bin).deliveries())
          .extracting(DemoBank.Delivery::body)
          .noneMatch(b -> b.contains(onward));
    }
    JsonNode closed = platform.readCase(paid.caseId, "BCA").expect(200, "read the case").json();
    assertThat(closed.path("identifiers").toString()).doesNotContain(onward);
  }

  @Test
  void attack6_aPartlyFrozenAnswerFollowsItsOnwardTransfersToTheNextLayer() {
    Paid paid = paidTip();
    String onward = Platform.newAccountNumber();
    // typed as a bank clerk might: the platform keeps the one form intake gives accounts
    String typed =
        onward.substring(0, 4) + " " + onward.substring(4, 8) + "-" + onward.substring(8);
    Api.Answer partly =
        platform.answerAlert(
            BANK,
            paid.alertId,
            answer(
                "PARTLY_FROZEN",
                10_000_000,
                0,
                List.of(onward(typed, 20_000_000, Instant.now().minus(10, ChronoUnit.MINUTES)))));
    assertThat(partly.status()).isEqualTo(202);

    String value = OTHER_BANK + ":" + onward;
    JsonNode c =
        platform.awaitCase(
            paid.caseId,
            "BCA",
            "the onward account in the case and the amount held",
            k ->
                k.path("identifiers").toString().contains(value)
                    && k.path("frozenVnd").asLong() == 10_000_000L);
    for (JsonNode i : c.path("identifiers")) {
      if (value.equals(i.path("value").asText())) {
        assertThat(i.path("layer").asInt()).isEqualTo(2);
      }
    }
    assertThat(c.path("frozenVnd").asLong()).isEqualTo(10_000_000L);
  }

  private record Paid(String account, String alertId, String caseId) {}

  /**
   * A victim's tip paying {@link #PAID_VND} to a fresh account at {@link #BANK}, its alert, case.
   */
  private static Paid paidTip() {
    String account = Platform.newAccountNumber();
    Instant now = Instant.now();
    Map<String, Object> tip = new LinkedHashMap<>();
    tip.put("channel", "MOBILE_APP");
    tip.put(
        "reporter", Map.of("name", "Lê Thị Hoa", "phone", "0912000111", "email", "hoa@example.vn"));
    tip.put("location", Map.of("provinceCode", PROVINCE));
    tip.put("occurredAt", now.minus(3, ChronoUnit.HOURS).toString());
    tip.put("scamType", "INVESTMENT_CRYPTO");
    tip.put("description", "Được mời đầu tư tiền ảo lãi cao, chuyển tiền rồi bị chặn liên lạc");
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
                now.minus(1, ChronoUnit.HOURS).toString())));
    platform.submitTip(tip);
    Platform.Webhook reported = platform.awaitWebhook(BANK, "account.reported", account);
    String caseId = platform.awaitCaseOf("BANK_ACCOUNT", BANK + ":" + account);
    return new Paid(account, reported.alertId(), caseId);
  }

  private static Map<String, Object> answer(
      String outcome, long frozen, long restored, List<Map<String, Object>> onward) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("outcome", outcome);
    a.put("frozenAmountVnd", frozen);
    a.put("restoredAmountVnd", restored);
    a.put("onwardTransfers", onward);
    a.put("note", "Ngân hàng trả lời");
    return a;
  }

  private static Map<String, Object> onward(String account, long vnd, Instant at) {
    return Map.of(
        "bankBin", OTHER_BANK, "accountNumber", account, "amountVnd", vnd, "at", at.toString());
  }

  /** The amount held in {@link #PROVINCE}, over every period. */
  private static long heldInProvince() {
    long held = 0;
    for (JsonNode row : platform.statistics("PROVINCE").path("rows")) {
      if (PROVINCE.equals(row.path("group").asText())) {
        held += row.path("frozenVnd").asLong();
      }
    }
    return held;
  }

  private static int count(JsonNode timeline, String kind) {
    int n = 0;
    for (JsonNode e : timeline) {
      if (kind.equals(e.path("kind").asText())) {
        n++;
      }
    }
    return n;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
