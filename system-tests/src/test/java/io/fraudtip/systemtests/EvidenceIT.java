package io.fraudtip.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fraudtip.localstack.demo.Platform;
import io.fraudtip.localstack.stack.Service;
import io.fraudtip.testsupport.EvidenceSamples;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Evidence end to end (issue 16) on the platform {@code ./run-local} starts: a citizen attaches
 * files to their tip with its tracking code (intake-service keeps them), the case's unit lists and
 * downloads them from case-service (which reads them from intake over a signed call) byte for byte
 * with their checksum, a disguised executable is refused and stored nowhere, another province's
 * unit sees nothing, and the unit's own file joins the list.
 */
class EvidenceIT {
  static Platform platform;

  @BeforeAll
  static void start() {
    platform = Platform.of(PlatformStack.get());
  }

  @Test
  void aCitizensFilesReachTheCasesUnitByteForByteAndNoOtherProvince() {
    String bank = "970422";
    String account = Platform.newAccountNumber();
    JsonNode receipt = platform.submitTip(tip(bank, account));
    String trackingCode = receipt.path("trackingCode").asText();
    String tipId = receipt.path("tipId").asText();

    // The citizen attaches a screenshot and a receipt (the type is read from the bytes) ...
    byte[] png = EvidenceSamples.png(16);
    byte[] pdf = EvidenceSamples.pdf();
    Response shot = attach(trackingCode, "tin nhắn zalo.png", "image/png", png);
    assertThat(shot.statusCode()).isEqualTo(201);
    assertThat(shot.header("Repr-Digest")).isEqualTo(reprDigest(png));
    assertThat(shot.jsonPath().getString("sha256")).isEqualTo(sha256(png));
    assertThat(shot.jsonPath().getString("contentType")).isEqualTo("image/png");
    Response paper = attach(trackingCode, "bien-lai.pdf", "application/octet-stream", pdf);
    assertThat(paper.statusCode()).isEqualTo(201);
    assertThat(paper.jsonPath().getString("contentType")).isEqualTo("application/pdf");

    // ... and an executable named as a photo, sent as one: refused, nothing stored.
    Response disguised =
        attach(trackingCode, "anh-chup.jpg", "image/jpeg", EvidenceSamples.windowsExecutable());
    assertThat(disguised.statusCode()).isEqualTo(415);
    assertThat(disguised.contentType()).startsWith("application/problem+json");
    assertThat(disguised.jsonPath().getString("detail")).contains("nothing was stored");
    List<String> kept =
        given()
            .get(platform.url(Service.INTAKE, "/api/v1/tips/" + trackingCode + "/evidence"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("name");
    assertThat(kept).containsExactly("tin nhắn zalo.png", "bien-lai.pdf");

    // The case's unit lists the case's evidence: the two files, with their checksums.
    String caseId = platform.awaitCaseOf("BANK_ACCOUNT", bank + ":" + account);
    String unit =
        platform
            .awaitCase(caseId, "BCA", "the case assigned", c -> c.hasNonNull("unitCode"))
            .path("unitCode")
            .asText();
    JsonNode files = evidence(caseId, unit);
    assertThat(files.path("note").isNull() || files.path("note").isMissingNode()).isTrue();
    assertThat(files.path("files").findValuesAsText("name"))
        .containsExactlyInAnyOrder("tin nhắn zalo.png", "bien-lai.pdf");
    for (JsonNode f : files.path("files")) {
      assertThat(f.path("uploader").asText()).isEqualTo("CITIZEN");
      assertThat(f.path("tipId").asText()).isEqualTo(tipId);
      byte[] expected = f.path("name").asText().endsWith(".png") ? png : pdf;
      assertThat(f.path("sha256").asText()).isEqualTo(sha256(expected));
      // downloaded byte for byte, with the checksum as Repr-Digest (RFC 9530)
      Response got = as(unit).get(platform.url(Service.CASES, f.path("download").asText()));
      assertThat(got.statusCode()).isEqualTo(200);
      assertThat(got.asByteArray()).isEqualTo(expected);
      assertThat(got.header("Repr-Digest")).isEqualTo(reprDigest(got.asByteArray()));
      // another province's unit: no such case, no such file
      assertThat(
              as("PA05-56")
                  .get(platform.url(Service.CASES, f.path("download").asText()))
                  .statusCode())
          .isEqualTo(404);
    }
    assertThat(
            as("PA05-56")
                .get(platform.url(Service.CASES, "/api/v1/cases/" + caseId + "/evidence"))
                .statusCode())
        .isEqualTo(404);

    // The unit attaches its own file: listed beside the citizen's, and downloaded alike.
    byte[] statement = EvidenceSamples.png(61);
    Response attached =
        as(unit)
            .contentType("image/png")
            .queryParam("name", "sao-ke-tai-khoan.png")
            .body(statement)
            .post(platform.url(Service.CASES, "/api/v1/cases/" + caseId + "/evidence"));
    assertThat(attached.statusCode()).isEqualTo(201);
    JsonNode mine = null;
    for (JsonNode f : evidence(caseId, unit).path("files")) {
      if (f.path("name").asText().equals("sao-ke-tai-khoan.png")) {
        mine = f;
      }
    }
    assertThat(mine).as("the unit's file in the list").isNotNull();
    assertThat(mine.path("uploader").asText()).isEqualTo("POLICE");
    assertThat(mine.path("tipId").isNull() || mine.path("tipId").isMissingNode()).isTrue();
    assertThat(mine.path("sha256").asText()).isEqualTo(sha256(statement));
    Response back = as(unit).get(platform.url(Service.CASES, mine.path("download").asText()));
    assertThat(back.asByteArray()).isEqualTo(statement);
    assertThat(back.header("Repr-Digest")).isEqualTo(reprDigest(statement));
    assertThat(evidence(caseId, unit).path("files")).hasSize(3);
  }

  private static Response attach(String trackingCode, String name, String type, byte[] bytes) {
    return given()
        .contentType(type)
        .queryParam("name", name)
        .body(bytes)
        .post(platform.url(Service.INTAKE, "/api/v1/tips/" + trackingCode + "/evidence"));
  }

  private static RequestSpecification as(String unit) {
    return given().auth().oauth2(platform.police(unit));
  }

  private static JsonNode evidence(String caseId, String unit) {
    Response r = as(unit).get(platform.url(Service.CASES, "/api/v1/cases/" + caseId + "/evidence"));
    assertThat(r.statusCode()).isEqualTo(200);
    return Platform.parse(r.asString());
  }

  /** Lower-case hex SHA-256, as {@code sha256sum} prints it. */
  private static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest(bytes));
  }

  /** The RFC 9530 {@code Repr-Digest} of the bytes: {@code sha-256=:<Base64>:}. */
  private static String reprDigest(byte[] bytes) {
    return "sha-256=:" + Base64.getEncoder().encodeToString(digest(bytes)) + ":";
  }

  private static byte[] digest(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A victim in Đắk Lắk who paid a fake shop's account. */
  private static Map<String, Object> tip(String bank, String account) {
    Instant now = Instant.now();
    Map<String, Object> tip = new LinkedHashMap<>();
    tip.put("channel", "MOBILE_APP");
    tip.put("location", Map.of("provinceCode", "66"));
    tip.put("occurredAt", now.minus(6, ChronoUnit.HOURS).toString());
    tip.put("scamType", "ONLINE_SHOPPING_DELIVERY");
    tip.put("description", "Mua điện thoại qua Zalo, chuyển khoản xong bị chặn liên lạc");
    tip.put("amountLostVnd", 12_000_000);
    tip.put(
        "transfers",
        List.of(
            Map.of(
                "bank",
                bank,
                "accountNumber",
                account,
                "amountVnd",
                12_000_000,
                "at",
                now.minus(5, ChronoUnit.HOURS).toString())));
    return tip;
  }
}
