package io.fraudtip.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fraudtip.localstack.bank.DemoBank;
import io.fraudtip.localstack.demo.Platform;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 3, the freeze side, written as the attack: a bank answering MOVED_ON must not make
 * another bank freeze an account. Only the case's police unit asks for freezes (SPEC §10); the
 * traced account's bank gets an advisory naming the tracing bank.
 */
class FreezeAttacksIT {
  private static final String BANK_A = "970436";
  private static final String BANK_B = "970422";

  /** A loss the seeded rules give the province's cyber division (R-PROVINCE). */
  private static final long LOSS_VND = 50_000_000L;

  private static final String UNIT = "PA05-66";

  static Platform platform;

  @BeforeAll
  static void start() {
    platform = Platform.of(PlatformStack.get());
  }

  @Test
  void aBanksMovedOnAnswerAloneNeverMakesAnotherBankFreezeOnlyThePoliceUnitDoes() {
    String accountA = Platform.newAccountNumber();
    String accountB = Platform.newAccountNumber();
    Instant paidAt = Instant.now().minus(1, ChronoUnit.HOURS);
    platform.submitTip(tip(accountA, paidAt));
    Platform.Webhook reported = platform.awaitWebhook(BANK_A, "account.reported", accountA);
    String caseId = platform.awaitCaseOf("BANK_ACCOUNT", BANK_A + ":" + accountA);
    platform.awaitCase(caseId, "BCA", "the case assigned", c -> c.hasNonNull("unitCode"));

    // The attack: bank A answers its advisory claiming the money moved on to an account at bank B.
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("outcome", "MOVED_ON");
    answer.put("frozenAmountVnd", 0);
    answer.put("restoredAmountVnd", 0);
    answer.put(
        "onwardTransfers",
        List.of(
            Map.of(
                "bankBin",
                BANK_B,
                "accountNumber",
                accountB,
                "amountVnd",
                LOSS_VND,
                "at",
                paidAt.plus(10, ChronoUnit.MINUTES).toString())));
    answer.put("note", "Tiền đã chuyển tiếp");
    assertThat(platform.answerAlert(BANK_A, reported.alertId(), answer).status()).isEqualTo(202);

    // The account joins the case as layer 2, and bank B is told, as an advisory naming bank A ...
    platform.awaitCase(
        caseId,
        UNIT,
        "bank B's account in the case at layer 2",
        c -> hasIdentifier(c, BANK_B + ":" + accountB));
    Platform.Webhook traced = platform.awaitWebhook(BANK_B, "account.traced", accountB);
    assertThat(traced.data().path("advisory").asBoolean()).isTrue();
    assertThat(traced.data().path("layer").asInt()).isEqualTo(2);
    assertThat(traced.data().path("caseId").asText()).isEqualTo(caseId);
    assertThat(traced.data().path("unitCode").asText()).isEqualTo(UNIT);
    assertThat(traced.data().path("tracedBy").path("bankBin").asText()).isEqualTo(BANK_A);
    assertThat(traced.data().path("tracedBy").path("bankName").asText()).isEqualTo("Vietcombank");
    // ... but is never asked to freeze on bank A's word (a freeze request would have been written
    // with the advisory, in the same transaction: it would arrive within these seconds).
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(5))
        .until(() -> deliveries(BANK_B, "freeze.requested", accountB).isEmpty());

    // The unit names the traced account: now bank B is asked to freeze, on the unit's authority.
    Instant asked = Instant.now();
    assertThat(
            platform
                .changeCase(
                    caseId,
                    UNIT,
                    "freeze-requests",
                    platform.etag(caseId, UNIT),
                    Map.of(
                        "accounts", List.of(Map.of("bankBin", BANK_B, "accountNumber", accountB))))
                .status())
        .isEqualTo(200);
    Platform.Webhook freeze = platform.awaitWebhook(BANK_B, "freeze.requested", accountB);
    JsonNode data = freeze.data();
    assertThat(data.path("advisory").asBoolean()).isFalse();
    assertThat(data.path("layer").asInt()).isEqualTo(2);
    JsonNode authorisation = data.path("authorisation");
    assertThat(authorisation.path("unitCode").asText()).isEqualTo(UNIT);
    assertThat(authorisation.path("standingOrder").asBoolean()).isFalse();
    assertThat(Instant.parse(authorisation.path("requestedAt").asText()))
        .isAfter(asked.minusSeconds(5));
    JsonNode request =
        Platform.parse(platform.readCase(caseId, UNIT).body()).path("freezeRequests").get(0);
    assertThat(authorisation.path("requestId").asText()).isEqualTo(request.path("id").asText());
    // The hold is bounded: what moved on to the account, for 90 days.
    assertThat(data.path("holdAmountVnd").asLong()).isEqualTo(LOSS_VND);
    assertThat(Instant.parse(data.path("holdExpiresAt").asText()))
        .isBetween(
            Instant.now().plus(89, ChronoUnit.DAYS), Instant.now().plus(91, ChronoUnit.DAYS));
    assertThat(deliveries(BANK_B, "freeze.requested", accountB)).hasSize(1);
  }

  @Test
  void theUnitExtendsAHoldWithAReasonThenLiftsItAndTheHoldingBankIsToldEachTime() {
    String accountA = Platform.newAccountNumber();
    platform.submitTip(tip(accountA, Instant.now().minus(1, ChronoUnit.HOURS)));
    String caseId = platform.awaitCaseOf("BANK_ACCOUNT", BANK_A + ":" + accountA);
    platform.awaitCase(caseId, UNIT, "the case with " + UNIT, c -> true);
    assertThat(
            platform
                .changeCaseAsRead(
                    caseId,
                    UNIT,
                    "freeze-requests",
                    Map.of(
                        "accounts", List.of(Map.of("bankBin", BANK_A, "accountNumber", accountA))))
                .status())
        .isEqualTo(200);
    Platform.Webhook freeze = platform.awaitWebhook(BANK_A, "freeze.requested", accountA);
    JsonNode hold =
        Platform.parse(platform.readCase(caseId, UNIT).body())
            .path("freezeRequests")
            .get(0)
            .path("accounts")
            .get(0);
    String holds = "holds/" + hold.path("holdId").asText() + "/";

    // Extended with a reason, to at most 90 days from now (the hold ran 90 days from the request).
    String reason = "Chờ quyết định phong tỏa của Tòa án nhân dân tỉnh Đắk Lắk";
    Instant until = Instant.now().plus(90, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
    assertThat(
            platform
                .changeCaseAsRead(
                    caseId,
                    UNIT,
                    holds + "extension",
                    Map.of("reason", reason, "expiresAt", until.toString()))
                .status())
        .isEqualTo(200);
    JsonNode extended = platform.awaitWebhook(BANK_A, "hold.extended", accountA).data();
    assertThat(extended.path("advisory").asBoolean()).isFalse();
    assertThat(extended.path("holdReason").asText()).isEqualTo(reason);
    assertThat(Instant.parse(extended.path("holdExpiresAt").asText())).isEqualTo(until);
    assertThat(Instant.parse(extended.path("holdExpiresAt").asText()))
        .isAfter(Instant.parse(freeze.data().path("holdExpiresAt").asText()));
    assertThat(extended.path("authorisation").path("requestId").asText())
        .isEqualTo(freeze.data().path("authorisation").path("requestId").asText());

    // Lifted with a reason: the bank may release the money.
    String why = "Chủ tài khoản đã chứng minh nguồn tiền hợp pháp";
    assertThat(
            platform.changeCaseAsRead(caseId, UNIT, holds + "lift", Map.of("reason", why)).status())
        .isEqualTo(200);
    JsonNode lifted = platform.awaitWebhook(BANK_A, "hold.lifted", accountA).data();
    assertThat(lifted.path("holdReason").asText()).isEqualTo(why);
    assertThat(lifted.path("caseId").asText()).isEqualTo(caseId);
    JsonNode shown =
        Platform.parse(platform.readCase(caseId, UNIT).body())
            .path("freezeRequests")
            .get(0)
            .path("accounts")
            .get(0);
    assertThat(shown.path("state").asText()).isEqualTo("LIFTED");
    assertThat(shown.path("extensions").get(0).path("reason").asText()).isEqualTo(reason);
  }

  private static List<DemoBank.Delivery> deliveries(String bin, String type, String account) {
    return platform.bank().receiver(bin).deliveries().stream()
        .filter(
            d -> {
              JsonNode json = Platform.parse(d.body());
              return type.equals(json.path("type").asText())
                  && account.equals(json.path("data").path("accountNumber").asText());
            })
        .toList();
  }

  private static boolean hasIdentifier(JsonNode c, String value) {
    for (JsonNode i : c.path("identifiers")) {
      if (value.equals(i.path("value").asText()) && i.path("layer").asInt() == 2) {
        return true;
      }
    }
    return false;
  }

  /** A victim in Buôn Ma Thuột (Đắk Lắk) who paid an account at bank A. */
  private static Map<String, Object> tip(String accountA, Instant paidAt) {
    Map<String, Object> tip = new LinkedHashMap<>();
    tip.put("channel", "WEB");
    tip.put("reporter", Map.of("name", "Trần Văn Minh", "phone", "0987654321"));
    tip.put("location", Map.of("provinceCode", "66", "communeCode", "24133"));
    tip.put("occurredAt", paidAt.minus(30, ChronoUnit.MINUTES).toString());
    tip.put("scamType", "IMPERSONATION_AUTHORITY");
    tip.put("description", "Người tự xưng công an yêu cầu chuyển tiền để \"xác minh\".");
    tip.put("amountLostVnd", LOSS_VND);
    tip.put(
        "transfers",
        List.of(
            Map.of(
                "bank",
                BANK_A,
                "accountNumber",
                accountA,
                "amountVnd",
                LOSS_VND,
                "at",
                paidAt.toString())));
    return tip;
  }
}
