package io.fraudtip.systemtests;

import static io.fraudtip.localstack.stack.Service.CASES;
import static io.fraudtip.localstack.stack.Service.INTAKE;
import static io.fraudtip.localstack.stack.Service.NOTIFICATION;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fraudtip.contracts.Json;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.localstack.stack.Service;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The catalogue of the bad-input suite: every public endpoint of the three services with what is
 * wrong in each request and the answer it must get.
 */
final class BadInputCases {
  /** What the cases refer to: objects of one unit and one bank, made before the suite runs. */
  record Fixture(
      String account,
      String trackingCode,
      UUID caseId,
      String caseUnit,
      String caseEtag,
      UUID disputeId,
      UUID alertId,
      String alertBank,
      UUID endpointId,
      UUID deliveryId) {}

  /** A commune unit far from the fixture's province: it has no units below it. */
  static final String OTHER_UNIT = "CAX-22759";

  /** A bank other than the fixture's. */
  static final String OTHER_BANK = "970422";

  private static final String NUL = "\u0000";
  private static final String RLO = "\u202E";
  private static final String RAW = "@@raw@@";

  private final Fixture f;
  private final Tokens tokens;
  private final List<Probe> probes = new ArrayList<>();

  private BadInputCases(Fixture fixture, Tokens tokens) {
    this.f = fixture;
    this.tokens = tokens;
  }

  static List<Probe> all(Fixture fixture, Tokens tokens) {
    BadInputCases c = new BadInputCases(fixture, tokens);
    c.intake();
    c.cases();
    c.notification();
    c.tokens();
    return List.copyOf(c.probes);
  }

  // ---------------------------------------------------------------- intake-service

  private void intake() {
    Probe post = Probe.of(INTAKE, "POST", "/api/v1/tips");
    malformedBodies(post, tip(t -> {}));
    field(post, "description with NUL", tip(t -> t.put("description", "Bị lừa" + NUL + "tiền")));
    field(
        post, "description with C0 control", tip(t -> t.put("description", "Bị lừa\u0007\u001b")));
    field(post, "description over 5000 chars", tip(t -> t.put("description", "x".repeat(5001))));
    field(post, "reporter name with NUL", tip(t -> t.putObject("reporter").put("name", "A" + NUL)));
    field(
        post,
        "account number with right-to-left override",
        tip(t -> transfer(t).put("accountNumber", "1234" + RLO + "5678")));
    field(
        post,
        "scammer phone with right-to-left override",
        tip(t -> t.putObject("scammer").putArray("phones").add("0912" + RLO + "345678")));
    field(
        post,
        "scammer URL with a control character",
        tip(t -> t.putObject("scammer").putArray("urls").add("https://exa\u0001mple.com/")));
    field(
        post,
        "scammer URL with right-to-left override",
        tip(t -> t.putObject("scammer").putArray("urls").add("https://gov" + RLO + "nv.com/")));
    field(post, "amount Long.MAX_VALUE", tip(t -> t.put("amountLostVnd", Long.MAX_VALUE)));
    field(post, "amount negative", tip(t -> t.put("amountLostVnd", -1)));
    field(post, "amount 1e400", raw(tip(t -> t.put("amountLostVnd", RAW)), "1e400"));
    field(post, "amount NaN", raw(tip(t -> t.put("amountLostVnd", RAW)), "NaN"));
    field(post, "amount \"NaN\"", tip(t -> t.put("amountLostVnd", "NaN")));
    field(
        post,
        "amount Long.MAX_VALUE + 1",
        raw(tip(t -> t.put("amountLostVnd", RAW)), "9223372036854775808"));
    field(post, "amount as boolean", tip(t -> t.put("amountLostVnd", true)));
    field(post, "amount as object", tip(t -> t.putObject("amountLostVnd")));
    field(
        post,
        "transfer amount Long.MAX_VALUE",
        tip(t -> transfer(t).put("amountVnd", Long.MAX_VALUE)));
    field(post, "transfer amount 1e400", raw(tip(t -> transfer(t).put("amountVnd", RAW)), "1e400"));
    field(post, "channel unknown", tip(t -> t.put("channel", "SPACESHIP")));
    field(post, "channel as number", tip(t -> t.put("channel", 99)));
    field(post, "occurredAt not a time", tip(t -> t.put("occurredAt", "hôm qua")));
    field(post, "occurredAt 1e400", raw(tip(t -> t.put("occurredAt", RAW)), "1e400"));
    field(post, "occurredAt -1e400", raw(tip(t -> t.put("occurredAt", RAW)), "-1e400"));
    field(
        post,
        "occurredAt year 999999999",
        tip(t -> t.put("occurredAt", "+999999999-12-31T23:59:59Z")));
    field(post, "occurredAt in 1900", tip(t -> t.put("occurredAt", "1900-01-01T00:00:00Z")));
    field(post, "transfers not a list", tip(t -> t.put("transfers", "9988776655")));
    field(
        post,
        "21 transfers",
        tip(
            t -> {
              ArrayNode list = t.putArray("transfers");
              for (int i = 0; i < 21; i++) {
                list.addObject()
                    .put("bank", "970436")
                    .put("accountNumber", "1000" + i)
                    .put("amountVnd", 1000)
                    .put("at", Instant.now().minusSeconds(60).toString());
              }
            }));
    field(
        post,
        "21 scammer phones",
        tip(
            t -> {
              ArrayNode phones = t.putObject("scammer").putArray("phones");
              for (int i = 0; i < 21; i++) {
                phones.add("09123456" + (10 + i));
              }
            }));
    field(
        post,
        "province code of 10000 chars",
        tip(t -> t.putObject("location").put("provinceCode", "6".repeat(10_000))));
    field(
        post,
        "scammer URL of 2001 chars",
        tip(t -> t.putObject("scammer").putArray("urls").add("https://a.com/" + "a".repeat(1987))));
    add(
        post.named("Idempotency-Key of 101 chars")
            .header("Idempotency-Key", "k".repeat(101))
            .json(tip(t -> t.put("amountLostVnd", -1)))
            .expect(400));
    add(
        post.named("malformed Accept-Language with a bad field")
            .header("Accept-Language", "@@;q=x,,;")
            .json(tip(t -> t.put("amountLostVnd", -1)))
            .expectFieldErrors());

    for (String[] code :
        new String[][] {
          {"unknown tracking code", "ZZZZ-ZZZZ-ZZZZ"},
          {"tracking code of 300 chars", "A".repeat(300)},
          {"tracking code with NUL", "%00ABC"},
          {"tracking code with right-to-left override", "%E2%80%AEABCD"},
          {"tracking code path traversal", "..%2F..%2Fetc%2Fpasswd"},
        }) {
      add(Probe.of(INTAKE, "GET", "/api/v1/tips/" + code[1]).named(code[0]).expect(404));
    }
  }

  private static String tip(Consumer<ObjectNode> change) {
    ObjectNode t = Json.events().createObjectNode();
    t.put("channel", "WEB");
    t.putObject("location").put("provinceCode", "66");
    t.put("occurredAt", Instant.now().minusSeconds(3600).toString());
    t.put("scamType", "IMPERSONATION_AUTHORITY");
    t.put("description", "Giả danh công an gọi điện, yêu cầu chuyển tiền để xác minh");
    t.put("amountLostVnd", 5_000_000);
    t.putArray("transfers")
        .addObject()
        .put("bank", "970436")
        .put("accountNumber", "5500" + System.nanoTime() % 1_000_000)
        .put("amountVnd", 5_000_000)
        .put("at", Instant.now().minusSeconds(1800).toString());
    change.accept(t);
    return write(t);
  }

  private static ObjectNode transfer(ObjectNode tip) {
    return (ObjectNode) tip.get("transfers").get(0);
  }

  // ---------------------------------------------------------------- case-service

  private void cases() {
    String police = tokens.police(f.caseUnit());
    String other = tokens.police(OTHER_UNIT);
    String operator = tokens.operator("operator@badinput");

    // watchlist, single
    String check = "/api/v1/watchlist/check";
    for (String[] q :
        new String[][] {
          {"no parameters", ""},
          {"unknown type", "?type=SPACESHIP&value=1"},
          {"blank value", "?type=PHONE&value=%20"},
          {"value of 401 chars", "?type=PHONE&value=" + "9".repeat(401)},
          {"value with NUL", "?type=PHONE&value=0912%00345678"},
          {"account with right-to-left override", "?type=BANK_ACCOUNT&value=970436:12%E2%80%AE34"},
          {"account without its bank", "?type=BANK_ACCOUNT&value=0123456789"},
        }) {
      add(Probe.of(CASES, "GET", check + q[1]).named(q[0]).expectFieldErrors());
    }
    // watchlist, batch
    Probe batch = Probe.of(CASES, "POST", check);
    malformedBodies(batch, "{\"items\": [{\"type\": \"PHONE\", \"value\": \"0912345678\"}]}");
    field(batch, "no items", "{\"items\": []}");
    field(batch, "items null", "{\"items\": null}");
    field(batch, "1001 items", items(1001));
    field(batch, "item type unknown", "{\"items\": [{\"type\": \"SPACESHIP\", \"value\": \"1\"}]}");
    field(
        batch,
        "account without its bank",
        "{\"items\": [{\"type\": \"BANK_ACCOUNT\", \"value\": \"0123456789\"}]}");
    field(
        batch,
        "item value with NUL",
        "{\"items\": [{\"type\": \"PHONE\", \"value\": \"09\\u0000\"}]}");
    field(
        batch,
        "item value of 401 chars",
        "{\"items\": [{\"type\": \"PHONE\", \"value\": \"" + "9".repeat(401) + "\"}]}");

    // disputes
    Probe dispute = Probe.of(CASES, "POST", "/api/v1/disputes");
    String disputeBody =
        "{\"type\": \"BANK_ACCOUNT\", \"value\": \"970436:%s\", \"reason\": \"Tài khoản của tôi\"}";
    malformedBodies(dispute, disputeBody.formatted(f.account()));
    field(dispute, "type unknown", "{\"type\": \"X\", \"value\": \"1\", \"reason\": \"r\"}");
    field(
        dispute,
        "reason of 2001 chars",
        "{\"type\": \"PHONE\", \"value\": \"0912345678\", \"reason\": \""
            + "r".repeat(2001)
            + "\"}");
    field(
        dispute,
        "reason with NUL",
        "{\"type\": \"BANK_ACCOUNT\", \"value\": \"970436:%s\", \"reason\": \"a\\u0000b\"}"
            .formatted(f.account()));
    field(
        dispute,
        "value with NUL",
        "{\"type\": \"PHONE\", \"value\": \"0912\\u0000345678\", \"reason\": \"r\"}");
    field(
        dispute,
        "value of 401 chars",
        "{\"type\": \"PHONE\", \"value\": \"" + "9".repeat(401) + "\", \"reason\": \"r\"}");
    add(
        Probe.of(CASES, "GET", "/api/v1/disputes/" + UUID.randomUUID())
            .named("unknown id")
            .expect(404));
    add(Probe.of(CASES, "GET", "/api/v1/disputes/not-a-uuid").named("id not a UUID").expect(404));
    Probe decision =
        Probe.of(CASES, "POST", "/api/v1/disputes/" + f.disputeId() + "/decision").token(police);
    malformedBodies(decision, "{\"upheld\": false, \"note\": \"Không có căn cứ\"}");
    field(decision, "upheld not a boolean", "{\"upheld\": \"maybe\"}");
    field(decision, "upheld missing", "{\"note\": \"n\"}");
    field(
        decision,
        "note of 2001 chars",
        "{\"upheld\": false, \"note\": \"" + "n".repeat(2001) + "\"}");
    add(
        decision
            .token(other)
            .named("another unit's dispute")
            .json("{\"upheld\": true, \"note\": \"hijack\"}")
            .expect(404));

    // police API: lists
    String cases = "/api/v1/cases";
    for (String[] q :
        new String[][] {
          {"page -1", "?page=-1"},
          {"size 0", "?size=0"},
          {"size 100000", "?size=100000"},
          {"priority 99", "?priority=99"},
          {"priority Long.MAX_VALUE", "?priority=" + Long.MAX_VALUE},
          {"page 1e400", "?page=1e400"},
          {"status unknown", "?status=SPACESHIP"},
        }) {
      add(Probe.of(CASES, "GET", cases + q[1]).token(police).named(q[0]).expectFieldErrors());
    }
    add(
        Probe.of(CASES, "GET", cases + "/not-a-uuid")
            .token(police)
            .named("id not a UUID")
            .expect(404));
    add(
        Probe.of(CASES, "GET", cases + "/" + UUID.randomUUID())
            .token(police)
            .named("unknown case")
            .expect(404));

    // police API: one case, the own unit's, with bad bodies
    String one = cases + "/" + f.caseId();
    String[][] changes = {
      {"/transitions", "{\"to\": \"INVESTIGATING\", \"note\": \"Bắt đầu xác minh\"}"},
      {"/notes", "{\"text\": \"Đã làm việc với ngân hàng\"}"},
      {"/transfer", "{\"unitCode\": \"PC02-66\", \"reason\": \"Thuộc thẩm quyền\"}"},
      {
        "/freeze-requests",
        "{\"accounts\": [{\"bankBin\": \"970436\", \"accountNumber\": \"" + f.account() + "\"}]}"
      },
      {"/close", "{\"closure\": \"UNFOUNDED\", \"note\": \"Không có căn cứ\"}"},
    };
    for (String[] change : changes) {
      Probe p =
          Probe.of(CASES, "POST", one + change[0]).token(police).header("If-Match", f.caseEtag());
      malformedBodies(p, change[1]);
      // another unit's case: the same valid request is 404 and changes nothing
      add(p.token(other).named("another unit's case").json(change[1]).expect(404));
    }
    Probe notes =
        Probe.of(CASES, "POST", one + "/notes").token(police).header("If-Match", f.caseEtag());
    field(notes, "text with NUL", "{\"text\": \"ghi chú\\u0000\"}");
    field(notes, "text of 4001 chars", "{\"text\": \"" + "n".repeat(4001) + "\"}");
    field(notes, "text blank", "{\"text\": \"  \"}");
    field(notes, "text as number", "{\"text\": 1e400}");
    Probe transitions =
        Probe.of(CASES, "POST", one + "/transitions")
            .token(police)
            .header("If-Match", f.caseEtag());
    field(transitions, "stage unknown", "{\"to\": \"SPACESHIP\"}");
    add(transitions.named("stage MERGED (not allowed)").json("{\"to\": \"MERGED\"}").expect(409));
    Probe transfer =
        Probe.of(CASES, "POST", one + "/transfer").token(police).header("If-Match", f.caseEtag());
    field(transfer, "unit code of 41 chars", "{\"unitCode\": \"" + "U".repeat(41) + "\"}");
    add(transfer.named("unknown unit").json("{\"unitCode\": \"NOPE-1\"}").expect(400));
    add(
        transfer
            .named("unit code with right-to-left override")
            .json("{\"unitCode\": \"PC02\\u202E-66\"}")
            .expect(400));
    Probe freeze =
        Probe.of(CASES, "POST", one + "/freeze-requests")
            .token(police)
            .header("If-Match", f.caseEtag());
    field(freeze, "no accounts", "{\"accounts\": []}");
    field(
        freeze,
        "bank BIN not 6 digits",
        "{\"accounts\": [{\"bankBin\": \"97043x\", \"accountNumber\": \"1\"}]}");
    field(
        freeze,
        "account number of 41 chars",
        "{\"accounts\": [{\"bankBin\": \"970436\", \"accountNumber\": \""
            + "1".repeat(41)
            + "\"}]}");
    Probe close =
        Probe.of(CASES, "POST", one + "/close").token(police).header("If-Match", f.caseEtag());
    field(close, "closure unknown", "{\"closure\": \"MAYBE\"}");
    field(
        close,
        "note of 2001 chars",
        "{\"closure\": \"CONFIRMED\", \"note\": \"" + "n".repeat(2001) + "\"}");
    add(
        Probe.of(CASES, "POST", one + "/notes")
            .token(police)
            .named("If-Match not a version")
            .header("If-Match", "\"zz\"")
            .json("{\"text\": \"ghi chú\"}")
            .expect(412));
    add(
        Probe.of(CASES, "POST", one + "/notes")
            .token(police)
            .named("If-Match Long.MAX_VALUE")
            .header("If-Match", "\"" + Long.MAX_VALUE + "\"")
            .json("{\"text\": \"ghi chú\"}")
            .expect(412));
    add(Probe.of(CASES, "GET", one).token(other).named("another unit's case").expect(404));
    add(
        Probe.of(CASES, "GET", one + "/disputes")
            .token(other)
            .named("another unit's case")
            .expect(404));
    add(
        Probe.of(CASES, "POST", one + "/acknowledge")
            .body("application/json", new byte[0])
            .token(other)
            .header("If-Match", f.caseEtag())
            .named("another unit's case")
            .expect(404));

    // statistics
    for (String[] q :
        new String[][] {
          {"from not a date", "?from=yesterday"},
          {"from year -999999999", "?from=-999999999-01-01"},
          {"to before from", "?from=2027-01-01&to=2026-01-01"},
          {"from with NUL", "?from=2026%0001-01"},
          {"groupBy unknown", "?groupBy=SPACESHIP"},
          {"period unknown", "?period=FORTNIGHT"},
        }) {
      add(
          Probe.of(CASES, "GET", "/api/v1/statistics" + q[1])
              .token(operator)
              .named(q[0])
              .expect(400));
    }
    add(
        Probe.of(CASES, "GET", "/api/v1/statistics?from=x")
            .token(operator)
            .header("Accept", "text/csv")
            .named("CSV, from not a date")
            .expect(400));

    // operator API
    Probe unitPost = Probe.of(CASES, "POST", "/api/v1/admin/units").token(operator);
    String unit =
        "{\"code\": \"CAX-BAD\", \"name\": \"Công an xã thử\", \"level\": \"COMMUNE\","
            + " \"parentCode\": \"CAT-66\", \"provinceCode\": \"66\"}";
    malformedBodies(unitPost, unit);
    field(unitPost, "code lower case", unit.replace("CAX-BAD", "cax bad"));
    field(unitPost, "level unknown", unit.replace("COMMUNE", "GALAXY"));
    field(unitPost, "name of 201 chars", unit.replace("Công an xã thử", "n".repeat(201)));
    field(unitPost, "name with NUL", unit.replace("Công an xã thử", "x\\u0000y"));
    field(unitPost, "province code 1 digit", unit.replace("\"66\"", "\"6\""));
    add(unitPost.named("unknown parent unit").json(unit.replace("CAT-66", "NOPE-99")).expect(400));
    Probe unitPut = Probe.of(CASES, "PUT", "/api/v1/admin/units/CAT-66").token(operator);
    malformedBodies(unitPut, unit.replace("\"code\": \"CAX-BAD\", ", ""));
    field(unitPut, "level unknown", "{\"name\": \"n\", \"level\": \"GALAXY\"}");
    add(
        Probe.of(CASES, "GET", "/api/v1/admin/units/" + "U".repeat(1000))
            .token(operator)
            .named("code of 1000 chars")
            .expect(404));
    add(
        Probe.of(CASES, "GET", "/api/v1/admin/units/CAT%E2%80%AE-66")
            .token(operator)
            .named("code with right-to-left override")
            .expect(404));
    Probe rulePost = Probe.of(CASES, "POST", "/api/v1/admin/rules").token(operator);
    String rule =
        "{\"id\": \"R-BAD\", \"position\": 999, \"description\": \"Quy tắc thử\","
            + " \"targetUnit\": \"C02\", \"minTotalLossVnd\": 1000}";
    malformedBodies(rulePost, rule);
    field(rulePost, "position 1e400", rule.replace("999", "1e400"));
    field(rulePost, "position Long.MAX_VALUE", rule.replace("999", Long.toString(Long.MAX_VALUE)));
    field(rulePost, "position negative", rule.replace("999", "-1"));
    field(rulePost, "position as text", rule.replace("999", "\"first\""));
    field(
        rulePost,
        "min loss negative",
        rule.replace("\"minTotalLossVnd\": 1000", "\"minTotalLossVnd\": -1"));
    field(
        rulePost,
        "min loss 1e400",
        rule.replace("\"minTotalLossVnd\": 1000", "\"minTotalLossVnd\": 1e400"));
    field(
        rulePost,
        "scam type unknown",
        rule.replace("\"id\"", "\"scamTypes\": [\"SPACESHIP\"], \"id\""));
    add(
        rulePost
            .named("unknown target unit")
            .json(rule.replace("\"C02\"", "\"NOPE-99\""))
            .expect(400));
    Probe rulePut = Probe.of(CASES, "PUT", "/api/v1/admin/rules/R-BAD-UNKNOWN").token(operator);
    malformedBodies(rulePut, rule.replace("\"id\": \"R-BAD\", ", ""));
    add(
        Probe.of(CASES, "GET", "/api/v1/admin/rules/NOPE")
            .token(operator)
            .named("unknown rule")
            .expect(404));
    add(
        Probe.of(CASES, "DELETE", "/api/v1/admin/rules/NOPE")
            .token(operator)
            .named("unknown rule")
            .expect(404));
  }

  private static String items(int n) {
    StringBuilder b = new StringBuilder("{\"items\": [");
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : ",")
          .append("{\"type\": \"PHONE\", \"value\": \"09123")
          .append(i)
          .append("\"}");
    }
    return b.append("]}").toString();
  }

  // ---------------------------------------------------------------- notification-service

  private void notification() {
    String bank = tokens.bank(f.alertBank());
    String other = tokens.bank(OTHER_BANK);
    String operator = tokens.operator("operator@badinput");

    // alerts
    add(
        Probe.of(NOTIFICATION, "GET", "/api/v1/alerts?limit=0")
            .token(bank)
            .named("limit 0")
            .expectFieldErrors());
    add(
        Probe.of(NOTIFICATION, "GET", "/api/v1/alerts?limit=1e400")
            .token(bank)
            .named("limit 1e400")
            .expectFieldErrors());
    add(
        Probe.of(NOTIFICATION, "GET", "/api/v1/alerts/not-a-uuid")
            .token(bank)
            .named("id not a UUID")
            .expect(404));
    String alert = "/api/v1/alerts/" + f.alertId();
    add(
        Probe.of(NOTIFICATION, "GET", alert)
            .token(other)
            .named("another bank's alert")
            .expect(404));
    Probe answer = Probe.of(NOTIFICATION, "POST", alert + "/responses").token(bank);
    String frozen =
        "{\"outcome\": \"FROZEN\", \"frozenAmountVnd\": 1000000, \"note\": \"Đã phong tỏa\"}";
    malformedBodies(answer, frozen);
    add(answer.token(other).named("another bank's alert").json(frozen).expect(404));
    add(
        Probe.of(NOTIFICATION, "POST", "/api/v1/alerts/" + UUID.randomUUID() + "/responses")
            .token(bank)
            .named("unknown alert")
            .json(frozen)
            .expect(404));
    String amount = "\"frozenAmountVnd\": 1000000";
    field(
        answer,
        "frozen Long.MAX_VALUE",
        frozen.replace(amount, "\"frozenAmountVnd\": " + Long.MAX_VALUE));
    field(answer, "frozen negative", frozen.replace(amount, "\"frozenAmountVnd\": -1"));
    field(answer, "frozen 1e400", frozen.replace(amount, "\"frozenAmountVnd\": 1e400"));
    field(answer, "frozen NaN", frozen.replace(amount, "\"frozenAmountVnd\": NaN"));
    field(answer, "frozen \"NaN\"", frozen.replace(amount, "\"frozenAmountVnd\": \"NaN\""));
    field(
        answer,
        "frozen Long.MAX_VALUE + 1",
        frozen.replace(amount, "\"frozenAmountVnd\": 9223372036854775808"));
    field(answer, "frozen as text", frozen.replace(amount, "\"frozenAmountVnd\": \"nhiều\""));
    field(
        answer,
        "restored negative",
        frozen.replace(amount, amount + ", \"restoredAmountVnd\": -5"));
    field(answer, "outcome unknown", frozen.replace("FROZEN", "STOLEN"));
    field(answer, "outcome as number", frozen.replace("\"FROZEN\"", "99"));
    field(answer, "note of 1001 chars", frozen.replace("Đã phong tỏa", "n".repeat(1001)));
    field(answer, "note with NUL", frozen.replace("Đã phong tỏa", "a\\u0000b"));
    String moved =
        "{\"outcome\": \"MOVED_ON\", \"onwardTransfers\": [{\"bankBin\": \"%s\", \"accountNumber\":"
            + " \"%s\", \"amountVnd\": %s, \"at\": \"%s\"}]}";
    String at = Instant.now().minusSeconds(60).toString();
    field(
        answer,
        "onward bank with right-to-left override",
        moved.formatted("970" + RLO + "422", "123", "1", at));
    field(answer, "onward account with NUL", moved.formatted("970422", "12\\u00003", "1", at));
    field(answer, "onward amount 1e400", moved.formatted("970422", "123", "1e400", at));
    field(answer, "onward time not a time", moved.formatted("970422", "123", "1", "hôm qua"));
    field(answer, "onward bank unknown", moved.formatted("999999", "123", "1", at));
    StringBuilder many = new StringBuilder("{\"outcome\": \"MOVED_ON\", \"onwardTransfers\": [");
    for (int i = 0; i < 51; i++) {
      many.append(i == 0 ? "" : ",")
          .append("{\"bankBin\": \"970422\", \"accountNumber\": \"1")
          .append(i)
          .append("\", \"amountVnd\": 1, \"at\": \"")
          .append(at)
          .append("\"}");
    }
    field(answer, "51 onward transfers", many.append("]}").toString());

    // deliveries
    for (String[] q :
        new String[][] {
          {"since not a time", "?since=yesterday"},
          {"state unknown", "?state=SPACESHIP"},
          {"limit -1", "?limit=-1"},
          {"alertId not a UUID", "?alertId=1"},
        }) {
      add(
          Probe.of(NOTIFICATION, "GET", "/api/v1/deliveries" + q[1])
              .token(operator)
              .named(q[0])
              .expectFieldErrors());
    }
    String delivery = "/api/v1/deliveries/" + f.deliveryId();
    add(
        Probe.of(NOTIFICATION, "GET", delivery)
            .token(other)
            .named("another bank's delivery")
            .expect(404));
    add(
        Probe.of(NOTIFICATION, "POST", delivery + "/replay")
            .token(other)
            .named("another bank's delivery")
            .expect(404));
    add(
        Probe.of(NOTIFICATION, "GET", "/api/v1/deliveries/not-a-uuid")
            .token(operator)
            .named("id not a UUID")
            .expect(404));
    Probe replay = Probe.of(NOTIFICATION, "POST", "/api/v1/deliveries/replay").token(operator);
    malformedBodies(replay, "{\"since\": \"" + Instant.now().minusSeconds(1) + "\"}");
    field(replay, "since not a time", "{\"since\": \"hôm qua\"}");
    field(replay, "since missing", "{}");
    field(replay, "since a number", "{\"since\": 1e400}");
    field(replay, "since year 1000000000", "{\"since\": \"+1000000000-01-01T00:00:00Z\"}");
    field(
        replay, "since in the future", "{\"since\": \"" + Instant.now().plusSeconds(3600) + "\"}");

    // endpoints
    Probe create = Probe.of(NOTIFICATION, "POST", "/api/v1/endpoints").token(bank);
    String endpoint =
        "{\"url\": \"https://hooks.example.vn/fraudtip\", \"eventTypes\": [\"account.reported\"],"
            + " \"description\": \"Thử\"}";
    malformedBodies(create, endpoint);
    String url = "https://hooks.example.vn/fraudtip";
    field(create, "url javascript:", endpoint.replace(url, "javascript:alert(1)"));
    field(create, "url ftp:", endpoint.replace(url, "ftp://hooks.example.vn/x"));
    field(create, "url not a URL", endpoint.replace(url, "đây không phải URL"));
    field(create, "url of 2001 chars", endpoint.replace(url, url + "/" + "a".repeat(1970)));
    field(create, "url with NUL", endpoint.replace(url, "https://hooks.exa\\u0000mple.vn/"));
    field(
        create,
        "url with right-to-left override",
        endpoint.replace(url, "https://hooks" + RLO + "nv.example/"));
    field(create, "no event types", endpoint.replace("[\"account.reported\"]", "[]"));
    field(create, "event type unknown", endpoint.replace("account.reported", "everything"));
    field(
        create,
        "event types as text",
        endpoint.replace("[\"account.reported\"]", "\"account.reported\""));
    field(create, "bank BIN 5 digits", endpoint.replace("{", "{\"bankBin\": \"97043\", "));
    field(create, "description of 201 chars", endpoint.replace("Thử", "d".repeat(201)));
    add(
        create
            .token(other)
            .named("another bank's BIN")
            .json(endpoint.replace("{", "{\"bankBin\": \"" + f.alertBank() + "\", "))
            .expect(400));
    String ep = "/api/v1/endpoints/" + f.endpointId();
    Probe patch = Probe.of(NOTIFICATION, "PATCH", ep).token(bank);
    malformedBodies(patch, "{\"description\": \"Môi trường chính\"}");
    field(patch, "url ftp:", "{\"url\": \"ftp://hooks.example.vn/x\"}");
    field(patch, "no event types", "{\"eventTypes\": []}");
    field(patch, "active as text", "{\"active\": \"có\"}");
    field(patch, "description of 201 chars", "{\"description\": \"" + "d".repeat(201) + "\"}");
    add(
        patch
            .token(other)
            .named("another bank's endpoint")
            .json("{\"active\": false}")
            .expect(404));
    add(
        Probe.of(NOTIFICATION, "GET", ep)
            .token(other)
            .named("another bank's endpoint")
            .expect(404));
    add(
        Probe.of(NOTIFICATION, "DELETE", ep)
            .token(other)
            .named("another bank's endpoint")
            .expect(404));
    add(
        Probe.of(NOTIFICATION, "POST", ep + "/secret/rotate")
            .token(other)
            .named("another bank's endpoint")
            .expect(404));
    add(
        Probe.of(NOTIFICATION, "GET", "/api/v1/endpoints/not-a-uuid")
            .token(bank)
            .named("id not a UUID")
            .expect(404));

    // banks and notices
    add(
        Probe.of(NOTIFICATION, "GET", "/api/v1/banks/NOPE")
            .token(bank)
            .named("unknown bank")
            .expect(404));
    add(
        Probe.of(NOTIFICATION, "GET", "/api/v1/banks/97%0036")
            .token(bank)
            .named("BIN with NUL")
            .expect(404));
    add(
        Probe.of(NOTIFICATION, "GET", "/api/v1/notices?since=yesterday")
            .token(operator)
            .named("since not a time")
            .expectFieldErrors());
  }

  // ---------------------------------------------------------------- tokens

  /**
   * Every protected endpoint without a token and with bad ones; a valid token of the wrong role.
   */
  private void tokens() {
    record Guarded(Service service, String method, String path, String body, String wrongRole) {}
    String police = tokens.police(f.caseUnit());
    String bank = tokens.bank(f.alertBank());
    String caseId = f.caseId().toString();
    List<Guarded> guarded =
        List.of(
            new Guarded(CASES, "GET", "/api/v1/cases", null, bank),
            new Guarded(CASES, "GET", "/api/v1/cases/legal-clock", null, bank),
            new Guarded(CASES, "GET", "/api/v1/cases/" + caseId, null, bank),
            new Guarded(
                CASES, "POST", "/api/v1/cases/" + caseId + "/notes", "{\"text\": \"t\"}", bank),
            new Guarded(
                CASES,
                "POST",
                "/api/v1/disputes/" + f.disputeId() + "/decision",
                "{\"upheld\": true}",
                bank),
            new Guarded(CASES, "GET", "/api/v1/statistics", null, bank),
            new Guarded(CASES, "GET", "/api/v1/admin/units", null, police),
            new Guarded(
                CASES,
                "POST",
                "/api/v1/admin/units",
                "{\"code\": \"CAX-TOKEN\", \"name\": \"n\", \"level\": \"COMMUNE\", \"parentCode\": \"CAT-66\"}",
                police),
            new Guarded(CASES, "GET", "/api/v1/admin/rules", null, police),
            new Guarded(CASES, "DELETE", "/api/v1/admin/rules/R-NOPE", null, police),
            new Guarded(NOTIFICATION, "GET", "/api/v1/alerts", null, police),
            new Guarded(
                NOTIFICATION,
                "POST",
                "/api/v1/alerts/" + f.alertId() + "/responses",
                "{\"outcome\": \"FROZEN\", \"frozenAmountVnd\": 1}",
                police),
            new Guarded(NOTIFICATION, "GET", "/api/v1/deliveries", null, police),
            new Guarded(
                NOTIFICATION,
                "POST",
                "/api/v1/deliveries/replay",
                "{\"since\": \"" + Instant.now().minusSeconds(60) + "\"}",
                police),
            new Guarded(NOTIFICATION, "GET", "/api/v1/endpoints", null, police),
            new Guarded(
                NOTIFICATION,
                "POST",
                "/api/v1/endpoints",
                "{\"url\": \"https://hooks.example.vn/t\", \"eventTypes\": [\"account.reported\"]}",
                police),
            new Guarded(
                NOTIFICATION, "DELETE", "/api/v1/endpoints/" + f.endpointId(), null, police),
            new Guarded(NOTIFICATION, "GET", "/api/v1/notices", null, bank),
            new Guarded(NOTIFICATION, "GET", "/api/v1/banks", null, null));
    String[][] bad = {
      {"no token", null},
      {"forged token", Tokens.forged()},
      {"expired token", tokens.expiredOperator()},
      {"alg=none token", tokens.unsignedOperator()},
      {"garbage token", "not.a.jwt"},
      {"token of 20000 chars", "a".repeat(20_000)},
    };
    for (Guarded g : guarded) {
      Probe p = Probe.of(g.service(), g.method(), g.path());
      if (g.body() != null) {
        p = p.json(g.body());
      }
      for (String[] b : bad) {
        add(p.named(b[0]).token(b[1]).expect(401));
      }
      if (g.wrongRole() != null) {
        add(p.named("token of the wrong role").token(g.wrongRole()).expect(403));
      }
    }
    // open endpoints with a bad token are refused rather than served anonymously
    add(
        Probe.of(INTAKE, "POST", "/api/v1/tips")
            .json(tip(t -> {}))
            .named("forged token")
            .token(Tokens.forged())
            .expect(401));
    add(
        Probe.of(INTAKE, "POST", "/api/v1/tips")
            .json(tip(t -> {}))
            .named("alg=none token")
            .token(tokens.unsignedOperator())
            .expect(401));
    add(
        Probe.of(CASES, "POST", "/api/v1/disputes")
            .json("{\"type\": \"PHONE\", \"value\": \"0912345678\", \"reason\": \"r\"}")
            .named("expired token")
            .token(tokens.expiredOperator())
            .expect(401));
  }

  // ---------------------------------------------------------------- shared shapes

  /** The body-level faults every endpoint that reads JSON must refuse. */
  private void malformedBodies(Probe p, String valid) {
    add(p.named("malformed JSON").json("{\"a\": }").expectFieldErrors());
    add(p.named("truncated JSON").json(valid.substring(0, valid.length() / 2)).expectFieldErrors());
    add(p.named("trailing garbage").json(valid + " }{ \"x\": 1}").expect(400));
    add(p.named("array instead of object").json("[1, 2, 3]").expectFieldErrors());
    add(p.named("string instead of object").json("\"x\"").expectFieldErrors());
    add(p.named("JSON null").json("null").expect(400));
    add(p.named("empty body").json("").expect(400));
    add(
        p.named("unknown field")
            .json(valid.replaceFirst("\\{", "{\"zzUnknown\": 1, "))
            .expectFieldErrors());
    add(
        p.named("nested 5000 deep")
            .json("{\"zz\": " + "[".repeat(5000) + "]".repeat(5000) + "}")
            .expect(400));
    ByteArrayOutputStream invalid = new ByteArrayOutputStream();
    invalid.writeBytes("{\"zz\": \"".getBytes(StandardCharsets.UTF_8));
    invalid.write(0xC3);
    invalid.write(0x28);
    invalid.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
    add(p.named("invalid UTF-8").body("application/json", invalid.toByteArray()).expect(400));
    add(
        p.named("text/plain body")
            .body("text/plain", valid.getBytes(StandardCharsets.UTF_8))
            .expect(415));
    add(
        p.named("form body")
            .body("application/x-www-form-urlencoded", "a=1&b=2".getBytes(StandardCharsets.UTF_8))
            .expect(415));
    add(p.named("body of 500 KB").json(big(500 * 1024)).expect(413));
    add(p.named("body of 2 MB").json(big(2 * 1024 * 1024)).expect(413));
  }

  private static String big(int size) {
    return "{\"zz\": \"" + "x".repeat(size) + "\"}";
  }

  private void field(Probe p, String what, String body) {
    add(p.named(what).json(body).expectFieldErrors());
  }

  private void add(Probe p) {
    probes.add(p);
  }

  /** Replaces the {@link #RAW} marker with a literal that is not valid JSON or not a number. */
  private static String raw(String json, String literal) {
    return json.replace("\"" + RAW + "\"", literal);
  }

  private static String write(ObjectNode node) {
    try {
      return Json.events().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
