package io.fraudtip.cases.evidence;

import static io.fraudtip.cases.TestTips.caseOf;
import static io.fraudtip.cases.TestTips.tip;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.fraudtip.cases.TestTips;
import io.fraudtip.cases.linking.TipLinking;
import io.fraudtip.commons.evidence.EvidenceFiles;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.testsupport.EvidenceSamples;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectTokens;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** A case's unit lists, attaches and downloads evidence; the case file lists it with checksums. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(StubIntakeEvidence.class)
class CaseEvidenceTest {
  @InjectTokens Tokens tokens;
  @InjectDatabase TestDatabase db;
  @Inject TipLinking cases;

  /** A case in Đắk Lắk (66) with one tip. */
  private record Known(UUID caseId, UUID tipId, String unit) {}

  private Known aCase() {
    TipReceivedV1 t = tip().in("66", null).paid(TestTips.account(), 3_000_000).build();
    cases.onTip(UUID.randomUUID(), t);
    Map<String, Object> c = caseOf(db, t.tipId());
    return new Known((UUID) c.get("id"), t.tipId(), (String) c.get("unit_code"));
  }

  private Response upload(String unit, UUID caseId, String name, String type, byte[] bytes) {
    return given()
        .auth()
        .oauth2(tokens.police(unit))
        .contentType(type)
        .queryParam("name", name)
        .body(bytes)
        .post("/api/v1/cases/" + caseId + "/evidence");
  }

  private io.restassured.specification.RequestSpecification as(String unit) {
    return given().auth().oauth2(tokens.police(unit));
  }

  private long stored(UUID caseId) {
    return db.queryLong("SELECT count(*) FROM case_evidence WHERE case_id = ?", caseId);
  }

  @Test
  void aReportersPngIsListedAndDownloadedByteForByteWithItsChecksumByTheCasesUnit() {
    Known k = aCase();
    byte[] png = EvidenceSamples.png(5);
    String sha = EvidenceFiles.sha256(png);
    UUID fileId = StubIntakeEvidence.register(k.tipId(), "chuyển khoản.png", png);

    String download =
        as(k.unit())
            .get("/api/v1/cases/" + k.caseId() + "/evidence")
            .then()
            .statusCode(200)
            .body("note", nullValue())
            .body("files", hasSize(1))
            .body("files[0].fileId", equalTo(fileId.toString()))
            .body("files[0].tipId", equalTo(k.tipId().toString()))
            .body("files[0].sha256", equalTo(sha))
            .body("files[0].uploader", equalTo("CITIZEN"))
            .extract()
            .path("files[0].download");

    byte[] bytes =
        as(k.unit())
            .get(download)
            .then()
            .statusCode(200)
            .contentType("image/png")
            .header("Repr-Digest", EvidenceFiles.Checked.reprDigest(sha))
            .header(
                "Content-Disposition",
                containsString("filename*=UTF-8''chuy%E1%BB%83n%20kho%E1%BA%A3n.png"))
            .extract()
            .asByteArray();
    assertThat(bytes).isEqualTo(png);
    assertThat(EvidenceFiles.sha256(bytes)).isEqualTo(sha);
    // A unit above the case's reads it too.
    as("CAT-66").get(download).then().statusCode(200);
  }

  @Test
  void theUnitAttachesAPdfAndDownloadsItByteForByte() {
    Known k = aCase();
    byte[] pdf = EvidenceSamples.pdf();
    String sha = EvidenceFiles.sha256(pdf);

    String download =
        upload(k.unit(), k.caseId(), "sao-ke.pdf", "application/octet-stream", pdf)
            .then()
            .statusCode(201)
            .header("Repr-Digest", EvidenceFiles.Checked.reprDigest(sha))
            .body("contentType", equalTo("application/pdf"))
            .body("uploader", equalTo("POLICE"))
            .body("attachedBy", equalTo(k.unit() + " officer@" + k.unit()))
            .extract()
            .path("download");

    byte[] bytes =
        as(k.unit())
            .get(download)
            .then()
            .statusCode(200)
            .contentType("application/pdf")
            .header("Repr-Digest", EvidenceFiles.Checked.reprDigest(sha))
            .header("Content-Disposition", containsString("filename=\"sao-ke.pdf\""))
            .extract()
            .asByteArray();
    assertThat(bytes).isEqualTo(pdf);
    var row = db.query("SELECT * FROM case_evidence WHERE case_id = ?", k.caseId()).get(0);
    assertThat(row)
        .containsEntry("sha256", sha)
        .containsEntry("uploader", "POLICE")
        .containsEntry("unit_code", k.unit());
  }

  @Test
  void aFileAttachedWhileTheCaseChangesIsStoredNotRefused() throws Exception {
    Known k = aCase();
    byte[] pdf = EvidenceSamples.pdf();
    Response answer;
    ExecutorService officer = Executors.newSingleThreadExecutor();
    try (Connection hold = DriverManager.getConnection(db.url(), "postgres", "postgres")) {
      // The upload reads the case, then waits for its row while another change writes it.
      hold.setAutoCommit(false);
      try (PreparedStatement lock =
          hold.prepareStatement("SELECT id FROM fraud_case WHERE id = ? FOR UPDATE")) {
        lock.setObject(1, k.caseId());
        lock.executeQuery().close();
      }
      long waitingBefore = db.queryLong("SELECT count(*) FROM pg_locks WHERE NOT granted");
      CompletableFuture<Response> upload =
          CompletableFuture.supplyAsync(
              () -> upload(k.unit(), k.caseId(), "bien-lai.pdf", "application/pdf", pdf), officer);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  db.queryLong("SELECT count(*) FROM pg_locks WHERE NOT granted") > waitingBefore
                      || upload.isDone());
      try (PreparedStatement change =
          hold.prepareStatement("UPDATE fraud_case SET version = version + 1 WHERE id = ?")) {
        change.setObject(1, k.caseId());
        change.executeUpdate();
      }
      hold.commit();
      answer = upload.join();
    } finally {
      officer.shutdownNow();
    }
    assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(201);
    assertThat(stored(k.caseId())).isOne();
  }

  @Test
  void anotherProvincesUnitGetsNotFoundAndStoresNothing() {
    Known k = aCase();
    UUID fileId = StubIntakeEvidence.register(k.tipId(), "a.png", EvidenceSamples.png(6));
    String own =
        upload(k.unit(), k.caseId(), "b.png", "image/png", EvidenceSamples.png(7))
            .then()
            .statusCode(201)
            .extract()
            .path("download");

    for (String stranger : List.of("CAT-56", "PA05-56")) {
      as(stranger).get("/api/v1/cases/" + k.caseId() + "/evidence").then().statusCode(404);
      as(stranger).get(own).then().statusCode(404);
      as(stranger)
          .get("/api/v1/cases/" + k.caseId() + "/tips/" + k.tipId() + "/evidence/" + fileId)
          .then()
          .statusCode(404)
          .contentType("application/problem+json");
      upload(stranger, k.caseId(), "c.png", "image/png", EvidenceSamples.png(8))
          .then()
          .statusCode(404);
    }
    assertThat(stored(k.caseId())).isEqualTo(1);
  }

  @Test
  void aDisguisedExecutableIsRefusedAndNothingIsStored() {
    Known k = aCase();

    upload(
            k.unit(),
            k.caseId(),
            "bien-ban.pdf",
            "application/pdf",
            EvidenceSamples.linuxExecutable())
        .then()
        .statusCode(415)
        .contentType("application/problem+json")
        .body("type", containsString("evidence-type"));
    upload(k.unit(), k.caseId(), "anh.jpg", "image/jpeg", EvidenceSamples.windowsExecutable())
        .then()
        .statusCode(415);

    assertThat(stored(k.caseId())).isZero();
  }

  @Test
  void theCaseFileListsEveryFileWithItsChecksumInJsonAndPdf() throws Exception {
    Known k = aCase();
    byte[] png = EvidenceSamples.png(9);
    StubIntakeEvidence.register(k.tipId(), "tin-nhan-zalo.png", png);
    byte[] pdf = EvidenceSamples.pdf();
    upload(k.unit(), k.caseId(), "sao-ke.pdf", "application/pdf", pdf).then().statusCode(201);

    as(k.unit())
        .get("/api/v1/cases/" + k.caseId() + "/file")
        .then()
        .statusCode(200)
        .body("evidence", hasSize(2))
        .body("evidence[0].name", equalTo("sao-ke.pdf"))
        .body("evidence[0].sha256", equalTo(EvidenceFiles.sha256(pdf)))
        .body("evidence[1].name", equalTo("tin-nhan-zalo.png"))
        .body("evidence[1].sha256", equalTo(EvidenceFiles.sha256(png)))
        .body("evidence[1].attachedBy", equalTo("CITIZEN"))
        .body("evidenceNote", nullValue());

    byte[] file =
        as(k.unit())
            .accept("application/pdf")
            .get("/api/v1/cases/" + k.caseId() + "/file")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    String text;
    try (PDDocument doc = Loader.loadPDF(file)) {
      text =
          Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFC)
              .replaceAll("\\s+", " ");
    }
    assertThat(text)
        .contains("Chứng cứ (evidence): 2")
        .contains("sao-ke.pdf")
        .contains("tin-nhan-zalo.png")
        .contains(EvidenceFiles.sha256(png).substring(0, 32));
  }

  @Test
  void theEvidenceEndpointsAreDocumentedWithExamples() {
    given()
        .get("/q/openapi?format=json")
        .then()
        .statusCode(200)
        .body(containsString("/api/v1/cases/{id}/evidence"))
        .body(containsString("/api/v1/cases/{id}/evidence/{fileId}"))
        .body(containsString("/api/v1/cases/{id}/tips/{tipId}/evidence/{fileId}"))
        .body(containsString("sao-ke-ngan-hang.pdf"))
        .body(containsString("application/x-executable (read from its bytes"));
  }
}
