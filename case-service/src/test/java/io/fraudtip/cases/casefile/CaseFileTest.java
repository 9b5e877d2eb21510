package io.fraudtip.cases.casefile;

import static io.fraudtip.cases.TestTips.caseOf;
import static io.fraudtip.cases.TestTips.tip;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.fraudtip.cases.TestTips;
import io.fraudtip.cases.banks.AlertResponses;
import io.fraudtip.cases.contact.StubIntake;
import io.fraudtip.cases.linking.TipLinking;
import io.fraudtip.contracts.alerts.AlertOutcome;
import io.fraudtip.contracts.alerts.AlertResponseV1;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectTokens;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(StubIntake.class)
class CaseFileTest {
  @InjectTokens Tokens tokens;
  @InjectDatabase TestDatabase db;
  @Inject TipLinking cases;
  @Inject AlertResponses answers;

  /** A case of two tips paying one account, which its bank partly held. */
  private record Story(UUID caseId, String reference, String unit, String account, UUID tipId) {}

  private Story aCaseWithAHeldAccount() {
    String account = TestTips.account();
    TipReceivedV1 first = tip().in("66", null).paid(account, 7_000_000).build();
    TipReceivedV1 second = tip().in("66", null).paid(account, 5_000_000).build();
    cases.onTip(UUID.randomUUID(), first);
    cases.onTip(UUID.randomUUID(), second);
    Map<String, Object> c = caseOf(db, first.tipId());
    UUID caseId = (UUID) c.get("id");
    answers.onResponse(
        UUID.randomUUID(),
        new AlertResponseV1(
            UUID.randomUUID(),
            UUID.randomUUID(),
            caseId,
            first.tipId(),
            TestTips.VCB,
            account,
            1,
            AlertOutcome.FROZEN,
            9_500_000,
            0,
            List.of(),
            "Đã phong tỏa",
            Instant.now()));
    return new Story(
        caseId, (String) c.get("reference"), (String) c.get("unit_code"), account, first.tipId());
  }

  @Test
  void theJsonFileHoldsTheCasesFactsWithoutReporterData() {
    Story s = aCaseWithAHeldAccount();

    // No Accept header (curl's default): JSON.
    given()
        .auth()
        .oauth2(tokens.police(s.unit()))
        .get("/api/v1/cases/" + s.caseId() + "/file")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("reference", equalTo(s.reference()))
        .body("unitCode", equalTo(s.unit()))
        .body("contactsIncluded", equalTo(false))
        .body("amounts.lossVnd", equalTo(12_000_000))
        .body("amounts.heldVnd", equalTo(9_500_000))
        .body("amounts.restoredVnd", equalTo(0))
        .body("tips.size()", equalTo(2))
        .body(
            "tips[0].description", equalTo("Kẻ gian giả danh công an gọi điện yêu cầu chuyển tiền"))
        .body("tips[0].transfers[0].accountNumber", equalTo(s.account()))
        .body("tips[0].reporter", nullValue())
        .body("tips[1].reporter", nullValue())
        .body("identifierLayers[0].layer", equalTo(1))
        .body("identifierLayers[0].identifiers.value", hasItem(TestTips.VCB + ":" + s.account()))
        .body("timeline.size()", org.hamcrest.Matchers.greaterThan(0))
        .body("bankAnswers[0].outcome", equalTo("FROZEN"))
        .body("bankAnswers[0].heldVnd", equalTo(9_500_000))
        .body("bankAnswers[0].current", equalTo(true))
        .body("evidence", empty())
        .body("generatedAt", notNullValue());
    assertThat(db.query("SELECT * FROM contact_read WHERE case_id = ?", s.caseId())).isEmpty();
  }

  @Test
  void thePdfReadsBackWithTheReferenceAccountsAmountsAndVietnamese() throws Exception {
    Story s = aCaseWithAHeldAccount();

    byte[] pdf =
        given()
            .auth()
            .oauth2(tokens.police(s.unit()))
            .accept("application/pdf")
            .get("/api/v1/cases/" + s.caseId() + "/file")
            .then()
            .statusCode(200)
            .contentType("application/pdf")
            .extract()
            .asByteArray();

    String text;
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      text = Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFC);
    }
    assertThat(text)
        .contains(s.reference())
        .contains(TestTips.VCB + ":" + s.account())
        .contains("12.000.000 VND")
        .contains("9.500.000 VND")
        .contains("7.000.000 VND")
        .contains("Kẻ gian giả danh công an gọi điện yêu cầu chuyển tiền")
        .contains("HỒ SƠ VỤ VIỆC")
        .doesNotContain("Nguyễn Thị Hoa");
  }

  @Test
  void theFileIsOutOfScopeForAnotherProvince() {
    Story s = aCaseWithAHeldAccount();

    for (String accept : List.of("application/json", "application/pdf")) {
      given()
          .auth()
          .oauth2(tokens.police("CAT-56"))
          .accept(accept)
          .get("/api/v1/cases/" + s.caseId() + "/file")
          .then()
          .statusCode(404);
    }
    given()
        .auth()
        .oauth2(tokens.bank(TestTips.VCB))
        .get("/api/v1/cases/" + s.caseId() + "/file")
        .then()
        .statusCode(403);
  }

  @Test
  void contactsComeOnlyWithAReasonAndEachTipsReadIsLogged() throws Exception {
    Story s = aCaseWithAHeldAccount();
    StubIntake.register(s.tipId(), "Nguyễn Thị Hoa", "+84912345678");

    given()
        .auth()
        .oauth2(tokens.police(s.unit()))
        .queryParam("contactReason", " ")
        .get("/api/v1/cases/" + s.caseId() + "/file")
        .then()
        .statusCode(400);
    assertThat(db.query("SELECT * FROM contact_read WHERE case_id = ?", s.caseId())).isEmpty();

    given()
        .auth()
        .oauth2(tokens.police(s.unit()))
        .accept("application/json")
        .queryParam("contactReason", "Hồ sơ chuyển Viện kiểm sát")
        .get("/api/v1/cases/" + s.caseId() + "/file")
        .then()
        .statusCode(200)
        .body("contactsIncluded", equalTo(true))
        .body(
            "tips.find { it.tipId == '" + s.tipId() + "' }.reporter.name",
            equalTo("Nguyễn Thị Hoa"));

    List<Map<String, Object>> rows =
        db.query("SELECT * FROM contact_read WHERE case_id = ? ORDER BY tip_id", s.caseId());
    assertThat(rows).hasSize(2);
    assertThat(rows)
        .allSatisfy(
            r -> {
              assertThat(r).containsEntry("purpose", "CASE_FILE");
              assertThat(r).containsEntry("reason", "Hồ sơ chuyển Viện kiểm sát");
              assertThat(r).containsEntry("unit_code", s.unit());
            });
    // The second tip is unknown to the stub intake: logged, and no contact in the file.
    assertThat(rows)
        .extracting(r -> r.get("outcome"))
        .containsExactlyInAnyOrder("DISCLOSED", "REFUSED");
  }

  @Test
  void theApiDocumentNamesBothFormsOfTheFile() {
    given()
        .get("/q/openapi?format=json")
        .then()
        .statusCode(200)
        .body(
            "paths.'/api/v1/cases/{id}/file'.get.responses.'200'.content.keySet()",
            hasItem("application/pdf"))
        .body(
            "paths.'/api/v1/cases/{id}/file'.get.responses.'200'.content.keySet()",
            hasItem("application/json"))
        .body(
            "paths.'/api/v1/cases/{id}/file'.get.responses.'404'.content.keySet()",
            hasItem("application/problem+json"));
  }
}
