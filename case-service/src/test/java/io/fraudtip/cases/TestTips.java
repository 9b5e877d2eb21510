package io.fraudtip.cases;

import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.cases.CaseEventV1;
import io.fraudtip.contracts.tips.Channel;
import io.fraudtip.contracts.tips.IdentifierType;
import io.fraudtip.contracts.tips.IdentifierV1;
import io.fraudtip.contracts.tips.ScamType;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.contracts.tips.TipSourceV1;
import io.fraudtip.contracts.tips.TransferV1;
import io.fraudtip.contracts.tips.TrustLevel;
import io.fraudtip.testsupport.TestDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Tips for tests, with fresh identifiers so that tests do not link each other's cases. */
public final class TestTips {
  public static final String VCB = "970436";

  private TestTips() {}

  /** A fresh account number. */
  public static String account() {
    return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
  }

  /** A fresh Vietnamese mobile number in E.164. */
  public static String phone() {
    return "+8491" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
  }

  /** A builder of one tip. */
  public static Builder tip() {
    return new Builder();
  }

  /** Builds a {@link TipReceivedV1}. */
  public static final class Builder {
    private UUID tipId = UUID.randomUUID();
    private String province = "66";
    private String commune;
    private ScamType scamType = ScamType.IMPERSONATION_AUTHORITY;
    private long loss = 5_000_000;
    private TrustLevel trust = TrustLevel.ANONYMOUS_WITH_TRANSFERS;
    private Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final List<TransferV1> transfers = new ArrayList<>();
    private final List<IdentifierV1> identifiers = new ArrayList<>();
    private TipSourceV1 source;

    public Builder id(UUID id) {
      this.tipId = id;
      return this;
    }

    public Builder in(String province, String commune) {
      this.province = province;
      this.commune = commune;
      return this;
    }

    public Builder type(ScamType type) {
      this.scamType = type;
      return this;
    }

    public Builder trust(TrustLevel trust) {
      this.trust = trust;
      return this;
    }

    /** A loss paid in one transfer to the account, just now. */
    public Builder paid(String account, long amount) {
      return paid(account, amount, Instant.now().minusSeconds(600));
    }

    public Builder paid(String account, long amount, Instant at) {
      transfers.add(new TransferV1(VCB, account, "NGUYEN VAN A", amount, at));
      loss = transfers.stream().mapToLong(TransferV1::amountVnd).sum();
      return this;
    }

    public Builder receivedAt(Instant at) {
      this.receivedAt = at.truncatedTo(ChronoUnit.MILLIS);
      return this;
    }

    public Builder lost(long amount) {
      this.loss = amount;
      return this;
    }

    public Builder phone(String e164) {
      identifiers.add(new IdentifierV1(IdentifierType.PHONE, e164, null, "VN", false));
      return this;
    }

    public Builder foreignPhone(String e164, String region) {
      identifiers.add(new IdentifierV1(IdentifierType.PHONE, e164, null, region, true));
      return this;
    }

    public Builder identifier(IdentifierType type, String value) {
      identifiers.add(new IdentifierV1(type, value, null, null, false));
      return this;
    }

    /** A page as intake stores it: the URL, and its site's domain unless a shared platform's. */
    public Builder site(String url) {
      identifiers.addAll(io.fraudtip.commons.identifiers.IdentifierNormaliser.standard().site(url));
      return this;
    }

    /** The tip's source keys (null, the default, reads as an old event: a source of its own). */
    public Builder source(TipSourceV1 source) {
      this.source = source;
      return this;
    }

    /** An anonymous tip from this source address (key). */
    public Builder from(String addressKey) {
      return source(new TipSourceV1(null, null, addressKey, false));
    }

    public TipReceivedV1 build() {
      return new TipReceivedV1(
          tipId,
          "TRK-" + tipId.toString().substring(0, 8),
          receivedAt,
          Channel.MOBILE_APP,
          trust,
          province,
          commune,
          receivedAt.minusSeconds(3600),
          scamType,
          "Kẻ gian giả danh công an gọi điện yêu cầu chuyển tiền",
          loss,
          List.copyOf(transfers),
          List.copyOf(identifiers),
          source);
    }
  }

  /** The live case (not merged away) holding a tip. */
  public static Map<String, Object> caseOf(TestDatabase db, UUID tipId) {
    List<Map<String, Object>> rows =
        db.query(
            "SELECT c.* FROM fraud_case c JOIN case_tip t ON t.case_id = c.id WHERE t.tip_id = ?",
            tipId);
    if (rows.isEmpty()) {
      throw new AssertionError("no case holds tip " + tipId);
    }
    return rows.get(0);
  }

  /** Acknowledges a case and closes it (CONFIRMED or UNFOUNDED) through the police API. */
  public static void close(
      io.fraudtip.localstack.security.Tokens tokens, UUID caseId, String unit, String closure) {
    String etag =
        io.restassured.RestAssured.given()
            .auth()
            .oauth2(tokens.police(unit))
            .get("/api/v1/cases/" + caseId)
            .header("ETag");
    etag =
        io.restassured.RestAssured.given()
            .auth()
            .oauth2(tokens.police(unit))
            .header("If-Match", etag)
            .contentType(io.restassured.http.ContentType.JSON)
            .post("/api/v1/cases/" + caseId + "/acknowledge")
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    io.restassured.RestAssured.given()
        .auth()
        .oauth2(tokens.police(unit))
        .header("If-Match", etag)
        .contentType(io.restassured.http.ContentType.JSON)
        .body("{\"closure\":\"" + closure + "\"}")
        .post("/api/v1/cases/" + caseId + "/close")
        .then()
        .statusCode(200);
  }

  public static CaseEventV1 event(String json) {
    try {
      return Json.events().readValue(json, CaseEventV1.class);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
