package io.fraudtip.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Story 1 (issue #6), written once for the system tests and {@code ./run-local --demo}: a citizen's
 * tip naming an account at bank A; the case assigned by the routing rules; {@code account.reported}
 * at bank A; the unit acknowledges and requests a freeze, with a standing order to follow the money
 * trail to layer 2 for 7 days; {@code freeze.requested} at bank A; bank A answers that the money
 * moved on to an account at bank B; bank B gets the {@code account.traced} advisory naming bank A
 * and, under the unit's standing order, {@code freeze.requested} for that layer-2 account naming
 * the unit's request as its authorisation (a bank's answer alone never makes another bank freeze);
 * bank B answers "frozen"; the case timeline, the statistics and the citizen's tracking lookup show
 * it. Every step waits for its effect and fails ({@link StoryFailure}) when it does not come.
 */
public final class FirstStory {
  /** Bank A (Vietcombank), where the victim paid. */
  public static final String BANK_A = "970436";

  /** Bank B (MB), where the money went next. */
  public static final String BANK_B = "970422";

  /** The unit and rule the seeded rules pick for a loss of 150 million dong in Đắk Lắk. */
  public static final String EXPECTED_UNIT = "PA05-66";

  public static final String EXPECTED_RULE = "R-LARGE-LOSS";

  public static final long LOSS_VND = 150_000_000L;
  public static final long FROZEN_VND = 120_000_000L;

  /** How deep and how long the unit's standing order follows the money trail. */
  public static final int TRAIL_LAYERS = 2;

  public static final Duration TRAIL_FOR = Duration.ofDays(7);

  /** The reporter's personal data, which must never show in the tracking lookup. */
  public static final String REPORTER_NAME = "Nguyễn Thị Lan";

  public static final String REPORTER_PHONE = "0912345678";
  public static final String REPORTER_EMAIL = "lan.nguyen@example.vn";

  /**
   * What the story did and saw.
   *
   * @param timeline the steps with their times
   * @param receipt intake's answer to the tip
   * @param caseId the case
   * @param accountA the account the victim paid, at bank A
   * @param accountB the account the money moved on to, at bank B
   * @param accountReported the {@code account.reported} webhook at bank A
   * @param freezeA the {@code freeze.requested} webhook at bank A
   * @param tracedB the {@code account.traced} advisory at bank B
   * @param freezeB the {@code freeze.requested} webhook at bank B, by the unit's standing order
   * @param finalCase the case as its unit reads it at the end
   * @param tracking the citizen's tracking lookup at the end (raw body)
   * @param statisticsBefore the unit's statistics rows before the story
   * @param statisticsAfter the unit's statistics rows after it
   */
  public record Result(
      Timeline timeline,
      JsonNode receipt,
      String caseId,
      String accountA,
      String accountB,
      Platform.Webhook accountReported,
      Platform.Webhook freezeA,
      Platform.Webhook tracedB,
      Platform.Webhook freezeB,
      JsonNode finalCase,
      String tracking,
      Totals statisticsBefore,
      Totals statisticsAfter) {
    /** Tip accepted → {@code account.reported} received by bank A. */
    public Duration tipToBankAlert() {
      return Duration.between(
          Instant.parse(receipt.path("receivedAt").asText()), accountReported.receivedAt());
    }
  }

  /**
   * A unit's statistics summed over every period.
   *
   * @param tips tips
   * @param cases cases
   * @param frozenVnd amounts held by banks
   */
  public record Totals(long tips, long cases, long frozenVnd) {}

  private final Platform platform;

  public FirstStory(Platform platform) {
    this.platform = platform;
  }

  /** Plays the story and returns what happened; a step that does not happen throws. */
  public Result play() {
    Timeline timeline = new Timeline();
    String accountA = Platform.newAccountNumber();
    String accountB = Platform.newAccountNumber();
    Totals before = totals(EXPECTED_UNIT);

    // 1. The citizen reports: 150 million dong paid to an account at bank A.
    JsonNode receipt = platform.submitTip(tip(accountA));
    Instant accepted = Instant.parse(receipt.path("receivedAt").asText());
    String trackingCode = receipt.path("trackingCode").asText();
    timeline.add(accepted, "tip accepted, tracking code " + trackingCode);

    // 2. The fast path: bank A is told at once, without waiting for the police.
    Platform.Webhook reported = platform.awaitWebhook(BANK_A, "account.reported", accountA);
    timeline.add(
        reported.receivedAt(),
        "tip accepted → bank "
            + BANK_A
            + " alerted (account.reported, signature verified) in "
            + ms(accepted, reported.receivedAt())
            + " ms",
        Duration.between(accepted, reported.receivedAt()));

    // 3. The case, routed by the rules.
    String caseId = platform.awaitCaseOf("BANK_ACCOUNT", BANK_A + ":" + accountA);
    JsonNode assigned =
        platform.awaitCase(
            caseId,
            "BCA",
            "case " + caseId + " assigned",
            c -> "ASSIGNED".equals(c.path("stage").asText()) && c.hasNonNull("assignedAt"));
    String unit = assigned.path("unitCode").asText();
    String rule = assigned.path("ruleId").asText();
    Instant assignedAt = Instant.parse(assigned.path("assignedAt").asText());
    timeline.add(
        assignedAt,
        "case "
            + assigned.path("reference").asText()
            + " assigned by rule "
            + rule
            + " to unit "
            + unit
            + " in "
            + ms(accepted, assignedAt)
            + " ms",
        Duration.between(accepted, assignedAt));
    if (!EXPECTED_UNIT.equals(unit) || !EXPECTED_RULE.equals(rule)) {
      throw new StoryFailure(
          "expected rule "
              + EXPECTED_RULE
              + " to pick "
              + EXPECTED_UNIT
              + ", got "
              + rule
              + " → "
              + unit);
    }

    // 4. The unit acknowledges (optimistic concurrency: the case's ETag in If-Match).
    Api.Answer ack =
        platform
            .changeCase(caseId, unit, "acknowledge", platform.etag(caseId, unit), null)
            .expect(200, "acknowledge");
    timeline.add(Instant.now(), "case acknowledged by " + unit);

    // 5. ... and requests a freeze of the account the victim paid, with a standing order to follow
    // the money trail one layer on for a week: only police make banks freeze.
    Instant freezeSent = Instant.now();
    platform
        .changeCase(
            caseId,
            unit,
            "freeze-requests",
            ack.header("ETag").orElseThrow(() -> new StoryFailure("no ETag after acknowledge")),
            Map.of(
                "accounts",
                List.of(Map.of("bankBin", BANK_A, "accountNumber", accountA)),
                "note",
                "Phong tỏa khẩn cấp tài khoản nhận tiền của bị hại",
                "followTrail",
                true,
                "maxLayer",
                TRAIL_LAYERS,
                "until",
                freezeSent.plus(TRAIL_FOR).toString()))
        .expect(200, "freeze request");
    timeline.add(
        freezeSent,
        "freeze requested by "
            + unit
            + " for "
            + BANK_A
            + ":"
            + accountA
            + ", standing order: follow the trail to layer "
            + TRAIL_LAYERS
            + " for "
            + TRAIL_FOR.toDays()
            + " days");
    Platform.Webhook freezeA = platform.awaitWebhook(BANK_A, "freeze.requested", accountA);
    if (freezeA.data().path("advisory").asBoolean(true)) {
      throw new StoryFailure("a police unit's freeze request reached bank A as an advisory");
    }
    JsonNode authorisation = freezeA.data().path("authorisation");
    if (!unit.equals(authorisation.path("unitCode").asText())
        || freezeA.data().path("holdAmountVnd").asLong() != LOSS_VND) {
      throw new StoryFailure(
          "bank A's freeze request does not name the unit's request and hold: " + freezeA.json());
    }
    timeline.add(
        freezeA.receivedAt(),
        "bank "
            + BANK_A
            + " got freeze.requested in "
            + ms(freezeSent, freezeA.receivedAt())
            + " ms",
        Duration.between(freezeSent, freezeA.receivedAt()));

    // 6. Bank A: the money had already moved on to an account at bank B.
    Instant answerA = Instant.now();
    platform
        .answerAlert(
            BANK_A,
            freezeA.alertId(),
            answer(
                "MOVED_ON",
                0,
                List.of(
                    Map.of(
                        "bankBin",
                        BANK_B,
                        "accountNumber",
                        accountB,
                        "amountVnd",
                        LOSS_VND - 1_000_000,
                        "at",
                        accepted.minus(50, ChronoUnit.MINUTES).toString())),
                "Tiền đã chuyển tiếp sang MB"))
        .expect(202, "bank A's answer");
    timeline.add(answerA, "bank " + BANK_A + " answered MOVED_ON → " + BANK_B + ":" + accountB);

    // 7. The next layer: bank B is told at once that bank A traced the money to it (an
    // advisory), and asked to freeze under the unit's standing order.
    Platform.Webhook tracedB = platform.awaitWebhook(BANK_B, "account.traced", accountB);
    if (!BANK_A.equals(tracedB.data().path("tracedBy").path("bankBin").asText())) {
      throw new StoryFailure("bank B's advisory does not name bank A: " + tracedB.json());
    }
    timeline.add(
        tracedB.receivedAt(),
        "bank "
            + BANK_B
            + " got account.traced (advisory, traced by "
            + BANK_A
            + ") in "
            + ms(answerA, tracedB.receivedAt())
            + " ms after bank "
            + BANK_A
            + "'s answer");
    Platform.Webhook freezeB = platform.awaitWebhook(BANK_B, "freeze.requested", accountB);
    if (freezeB.data().path("layer").asInt() != 2) {
      throw new StoryFailure("bank B's freeze request is not layer 2: " + freezeB.json());
    }
    JsonNode byOrder = freezeB.data().path("authorisation");
    if (!byOrder.path("standingOrder").asBoolean()
        || !authorisation.path("requestId").asText().equals(byOrder.path("requestId").asText())) {
      throw new StoryFailure(
          "bank B's freeze request does not name the unit's standing order: " + freezeB.json());
    }
    timeline.add(
        freezeB.receivedAt(),
        "bank "
            + BANK_B
            + " got freeze.requested (layer 2, by the standing order of "
            + unit
            + ") in "
            + ms(answerA, freezeB.receivedAt())
            + " ms after bank "
            + BANK_A
            + "'s answer",
        Duration.between(answerA, freezeB.receivedAt()));

    // 8. Bank B holds the money.
    Instant answerB = Instant.now();
    platform
        .answerAlert(
            BANK_B,
            freezeB.alertId(),
            answer("FROZEN", FROZEN_VND, List.of(), "Đã phong tỏa 120.000.000 đồng"))
        .expect(202, "bank B's answer");
    timeline.add(answerB, "bank " + BANK_B + " answered FROZEN, " + vnd(FROZEN_VND));

    // 9. The case shows it all.
    JsonNode finalCase =
        platform.awaitCase(
            caseId,
            unit,
            "case " + caseId + " holding the frozen amount and both answers",
            c ->
                c.path("frozenVnd").asLong() >= FROZEN_VND
                    && count(c.path("timeline"), "BANK_RESPONSE") >= 2);
    timeline.add(
        Instant.now(),
        "case timeline: "
            + count(finalCase.path("timeline"), "BANK_RESPONSE")
            + " bank answers, "
            + finalCase.path("identifiers").size()
            + " identifiers, frozen "
            + vnd(finalCase.path("frozenVnd").asLong()));

    Totals after =
        Platform.await(
            "the statistics of " + unit + " to count the frozen amount",
            () -> {
              Totals t = totals(unit);
              return t.frozenVnd() - before.frozenVnd() >= FROZEN_VND
                  ? java.util.Optional.of(t)
                  : java.util.Optional.empty();
            });
    timeline.add(
        Instant.now(),
        "statistics of "
            + unit
            + ": "
            + after.tips()
            + " tips, "
            + after.cases()
            + " cases, frozen "
            + vnd(after.frozenVnd())
            + " (this story: +"
            + vnd(after.frozenVnd() - before.frozenVnd())
            + ")");

    // 10. The citizen follows the tip.
    Api.Answer tracking =
        Platform.await(
            "the tracking lookup to show IN_PROGRESS",
            () -> {
              Api.Answer a = platform.track(trackingCode);
              if (a.status() == 200 && "IN_PROGRESS".equals(a.json().path("status").asText())) {
                return java.util.Optional.of(a);
              }
              Platform.sleep(Duration.ofMillis(200));
              return java.util.Optional.empty();
            });
    timeline.add(
        Instant.now(),
        "citizen's lookup of " + trackingCode + ": " + tracking.json().path("status").asText());

    return new Result(
        timeline,
        receipt,
        caseId,
        accountA,
        accountB,
        reported,
        freezeA,
        tracedB,
        freezeB,
        finalCase,
        tracking.body(),
        before,
        after);
  }

  /** The tip of a victim in Buôn Ma Thuột (Đắk Lắk) who paid a fake police officer. */
  static Map<String, Object> tip(String accountA) {
    Instant now = Instant.now();
    Map<String, Object> tip = new LinkedHashMap<>();
    tip.put("channel", "MOBILE_APP");
    tip.put(
        "reporter",
        Map.of("name", REPORTER_NAME, "phone", REPORTER_PHONE, "email", REPORTER_EMAIL));
    tip.put("location", Map.of("provinceCode", "66", "communeCode", "24133"));
    tip.put("occurredAt", now.minus(2, ChronoUnit.HOURS).toString());
    tip.put("scamType", "IMPERSONATION_AUTHORITY");
    tip.put(
        "description",
        "Người tự xưng công an gọi điện, yêu cầu chuyển tiền vào tài khoản để \"xác minh\".");
    tip.put("amountLostVnd", LOSS_VND);
    tip.put(
        "transfers",
        List.of(
            Map.of(
                "bank",
                BANK_A,
                "accountNumber",
                accountA,
                "accountName",
                "NGUYEN VAN B",
                "amountVnd",
                LOSS_VND,
                "at",
                now.minus(1, ChronoUnit.HOURS).toString())));
    return tip;
  }

  private static Map<String, Object> answer(
      String outcome, long frozen, List<Map<String, Object>> onward, String note) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("outcome", outcome);
    a.put("frozenAmountVnd", frozen);
    a.put("restoredAmountVnd", 0);
    a.put("onwardTransfers", onward);
    a.put("note", note);
    return a;
  }

  private Totals totals(String unit) {
    long tips = 0;
    long cases = 0;
    long frozen = 0;
    for (JsonNode row : platform.statistics("UNIT").path("rows")) {
      if (unit.equals(row.path("group").asText())) {
        tips += row.path("tips").asLong();
        cases += row.path("cases").asLong();
        frozen += row.path("frozenVnd").asLong();
      }
    }
    return new Totals(tips, cases, frozen);
  }

  static int count(JsonNode timeline, String kind) {
    int n = 0;
    for (JsonNode e : timeline) {
      if (kind.equals(e.path("kind").asText())) {
        n++;
      }
    }
    return n;
  }

  private static long ms(Instant from, Instant to) {
    return Duration.between(from, to).toMillis();
  }

  static String vnd(long amount) {
    return String.format(java.util.Locale.ROOT, "%,d VND", amount);
  }
}
