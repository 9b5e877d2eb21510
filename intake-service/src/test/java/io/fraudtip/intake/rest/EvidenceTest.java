package io.fraudtip.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.fraudtip.commons.evidence.EvidenceFiles;
import io.fraudtip.commons.security.ServiceSignatures;
import io.fraudtip.intake.Tips;
import io.fraudtip.intake.service.EvidenceSealing;
import io.fraudtip.testsupport.EvidenceSamples;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A reporter attaches files to their tip with the tracking code; case-service reads them signed.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class EvidenceTest {
  /** The same value as {@code %test.fraudtip.intake.contact-reads.key}. */
  private static final ServiceSignatures CASE_SERVICE =
      new ServiceSignatures("dGVzdC1vbmx5LXNlcnZpY2UtY2FsbC1rZXktZm9yLWNvbnRhY3Q=", "test");

  @InjectDatabase TestDatabase db;
  @Inject EvidenceSealing sealing;

  private record Submitted(UUID tipId, String trackingCode) {}

  private static Submitted submit() {
    Response r =
        given()
            .contentType(ContentType.JSON)
            .body(Tips.VALID)
            .post("/api/v1/tips")
            .then()
            .statusCode(202)
            .extract()
            .response();
    return new Submitted(UUID.fromString(r.path("tipId")), r.path("trackingCode"));
  }

  private static Response upload(String code, String name, String contentType, byte[] bytes) {
    return given()
        .contentType(contentType)
        .queryParam("name", name)
        .body(bytes)
        .post("/api/v1/tips/" + code + "/evidence");
  }

  private long stored(UUID tipId) {
    return db.queryLong("SELECT count(*) FROM evidence_file WHERE tip_id = ?", tipId);
  }

  private static RequestSpecification signed(String path) {
    long now = Instant.now().getEpochSecond();
    return given()
        .header(ServiceSignatures.TIMESTAMP, Long.toString(now))
        .header(
            ServiceSignatures.SIGNATURE, CASE_SERVICE.sign(now, EvidenceFiles.signedRead(path)));
  }

  @Test
  void aReporterAttachesAPngAndAPdfStoredWithTheirChecksumAndDetectedType() {
    Submitted tip = submit();
    byte[] png = EvidenceSamples.png(1);
    String sha = EvidenceFiles.sha256(png);

    var uploaded =
        upload(tip.trackingCode(), "chuyển khoản.png", "application/octet-stream", png)
            .then()
            .statusCode(201)
            .header("Repr-Digest", EvidenceFiles.Checked.reprDigest(sha))
            .body("contentType", equalTo("image/png"))
            .body("sizeBytes", equalTo(png.length))
            .body("sha256", equalTo(sha))
            .body("uploader", equalTo("CITIZEN"))
            .body("name", equalTo("chuyển khoản.png"))
            .extract();
    String fileId = uploaded.path("fileId");
    // Case and look-alikes of the code are accepted, as for tracking.
    upload(tip.trackingCode().toLowerCase(), "bien-lai.pdf", "image/png", EvidenceSamples.pdf())
        .then()
        .statusCode(201)
        .body("contentType", equalTo("application/pdf"));

    var row = db.query("SELECT * FROM evidence_file WHERE id = ?", UUID.fromString(fileId)).get(0);
    assertThat(row)
        .containsEntry("tip_id", tip.tipId())
        .containsEntry("sha256", sha)
        .containsEntry("content_type", "image/png")
        .containsEntry("size_bytes", (long) png.length)
        .containsEntry("uploader", "CITIZEN")
        .containsEntry("sealed", true);
    // Stored sealed (personal data), read as uploaded.
    assertThat(read(tip.tipId(), fileId)).isEqualTo(png);
    given()
        .get("/api/v1/tips/" + tip.trackingCode() + "/evidence")
        .then()
        .statusCode(200)
        .body("", hasSize(2))
        .body("[0].sha256", equalTo(sha))
        // The time the upload answered is the one the list shows (it had nanoseconds the list
        // did not).
        .body("[0].uploadedAt", equalTo(uploaded.path("uploadedAt")));
  }

  @Test
  void aDisguisedExecutableIsRefusedAndNothingIsStored() {
    Submitted tip = submit();

    upload(tip.trackingCode(), "anh-chup.jpg", "image/jpeg", EvidenceSamples.windowsExecutable())
        .then()
        .statusCode(415)
        .contentType("application/problem+json")
        .body("type", containsString("evidence-type"))
        .body("detail", containsString("nothing was stored"));
    upload(tip.trackingCode(), "hoa-don.png", "image/png", EvidenceSamples.linuxExecutable())
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
    upload(tip.trackingCode(), "ghi-chu.pdf", "application/pdf", "just text".getBytes())
        .then()
        .statusCode(415);

    assertThat(stored(tip.tipId())).isZero();
  }

  @Test
  void aWrongTrackingCodeIsNotFoundAndStoresNothing() {
    long before = db.queryLong("SELECT count(*) FROM evidence_file");

    upload("AAAA-BBBB-CC", "a.png", "image/png", EvidenceSamples.png(2))
        .then()
        .statusCode(404)
        .contentType("application/problem+json");

    assertThat(db.queryLong("SELECT count(*) FROM evidence_file")).isEqualTo(before);
  }

  @Test
  void aFileOverTheLimitIsRefusedWith413() {
    Submitted tip = submit();
    byte[] big = new byte[10 * 1024 * 1024 + 1];
    byte[] png = EvidenceSamples.png(3);
    System.arraycopy(png, 0, big, 0, png.length);

    upload(tip.trackingCode(), "lon.png", "image/png", big)
        .then()
        .statusCode(413)
        .contentType("application/problem+json");
    assertThat(stored(tip.tipId())).isZero();
    // A tip's own body limit is unchanged: the upload limit is for upload paths only.
    given()
        .contentType(ContentType.JSON)
        .body("{\"description\":\"" + "x".repeat(200_000) + "\"}")
        .post("/api/v1/tips")
        .then()
        .statusCode(413);
  }

  @Test
  void aTipTakesAtMostTenFiles() {
    Submitted tip = submit();
    for (int i = 0; i < 10; i++) {
      upload(tip.trackingCode(), "anh-" + i + ".png", "image/png", EvidenceSamples.png(10 + i))
          .then()
          .statusCode(201);
    }

    upload(tip.trackingCode(), "anh-11.png", "image/png", EvidenceSamples.png(30))
        .then()
        .statusCode(409)
        .body("type", containsString("evidence-count"));
    assertThat(stored(tip.tipId())).isEqualTo(10);
  }

  /**
   * The case event that sets a tip's case (intake's case follower) may commit while an upload is
   * under way; the upload goes on with the tip as it is then. Made to happen every time: another
   * transaction changes the tip the way the follower does and commits only once the upload waits
   * for its row.
   */
  @Test
  void aCaseSetOnTheTipWhileTheFileArrivesDoesNotFailTheUpload() throws Exception {
    Submitted tip = submit();
    try (Connection follower = db.connect()) {
      follower.setAutoCommit(false);
      try (PreparedStatement s =
          follower.prepareStatement(
              "UPDATE tip SET case_reference = 'VN-79B14337', version = version + 1"
                  + " WHERE id = ?")) {
        s.setObject(1, tip.tipId());
        assertThat(s.executeUpdate()).isOne();
      }
      CompletableFuture<Response> uploaded =
          CompletableFuture.supplyAsync(
              () ->
                  upload(tip.trackingCode(), "bien-lai.png", "image/png", EvidenceSamples.png(40)));
      // The upload waits for the follower's row lock (before, it had read the tip and then waited).
      db.awaitLockWait("from tip ", Duration.ofSeconds(20));
      follower.commit();
      uploaded.get(30, TimeUnit.SECONDS).then().statusCode(201);
    }
    assertThat(stored(tip.tipId())).isOne();
  }

  @Test
  void caseServiceReadsTheFilesSignedAndGetsTheBytesUnchanged() {
    Submitted tip = submit();
    byte[] png = EvidenceSamples.png(4);
    String fileId =
        upload(tip.trackingCode(), "../../etc/zalo\".png", "image/png", png)
            .then()
            .statusCode(201)
            .extract()
            .path("fileId");
    String list = "/internal/v1/tips/" + tip.tipId() + "/evidence";
    String one = list + "/" + fileId;

    signed(list)
        .get(list)
        .then()
        .statusCode(200)
        .body("", hasSize(1))
        .body("[0].name", equalTo("zalo.png"));
    byte[] bytes =
        signed(one)
            .get(one)
            .then()
            .statusCode(200)
            .contentType("image/png")
            .header("Repr-Digest", EvidenceFiles.Checked.reprDigest(EvidenceFiles.sha256(png)))
            .header("Content-Disposition", containsString("filename=\"zalo.png\""))
            .extract()
            .asByteArray();
    assertThat(bytes).isEqualTo(png);

    // Unsigned, or signed for another path: refused.
    given().get(one).then().statusCode(401);
    signed(list).get(one).then().statusCode(401);
  }

  /**
   * A reporter's screenshot is personal data (SPEC §4, §7): the stored bytes are sealed, not the
   * file, and case-service still reads the file as uploaded.
   */
  @Test
  void aReportersFileIsSealedAtRestAndReadBackAsUploaded() {
    Submitted tip = submit();
    byte[] png = EvidenceSamples.png(6);
    String fileId = uploaded(tip, "chat.png", png);

    assertSealedAndReadAsUploaded(tip, fileId, png);
  }

  /** A file stored before files were sealed is sealed by the sealing run, and reads the same. */
  @Test
  void aFileStoredUnsealedIsSealedAndStillReadsAsUploaded() {
    Submitted tip = submit();
    byte[] png = EvidenceSamples.png(7);
    String fileId = uploaded(tip, "old.png", png);
    // As a row written before sealing was.
    db.update(
        "UPDATE evidence_file SET content = ?, sealed = false WHERE id = ?",
        png,
        UUID.fromString(fileId));
    assertThat(read(tip.tipId(), fileId)).isEqualTo(png);

    assertThat(sealing.sealStored()).isPositive();

    assertSealedAndReadAsUploaded(tip, fileId, png);
    assertThat(db.queryLong("SELECT count(*) FROM evidence_file WHERE NOT sealed")).isZero();
  }

  private static String uploaded(Submitted tip, String name, byte[] png) {
    return upload(tip.trackingCode(), name, "image/png", png)
        .then()
        .statusCode(201)
        .extract()
        .path("fileId");
  }

  /** The stored bytes are sealed (no 16 bytes of the file in them), the file reads as uploaded. */
  private void assertSealedAndReadAsUploaded(Submitted tip, String fileId, byte[] png) {
    var row =
        db.query("SELECT sealed, content FROM evidence_file WHERE id = ?", UUID.fromString(fileId))
            .get(0);
    assertThat(row.get("sealed")).isEqualTo(true);
    assertThat(plainIn((byte[]) row.get("content"), png)).isFalse();
    assertThat(read(tip.tipId(), fileId)).isEqualTo(png);
  }

  /** The bytes of one file, read as case-service reads them. */
  private static byte[] read(UUID tipId, String fileId) {
    String path = "/internal/v1/tips/" + tipId + "/evidence/" + fileId;
    return signed(path).get(path).then().statusCode(200).extract().asByteArray();
  }

  /** Whether any 16 bytes of the file stand as they are in the stored bytes. */
  private static boolean plainIn(byte[] stored, byte[] file) {
    String haystack = new String(stored, StandardCharsets.ISO_8859_1);
    for (int i = 0; i + 16 <= file.length; i += 16) {
      String piece = new String(file, i, 16, StandardCharsets.ISO_8859_1);
      if (haystack.contains(piece)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void theUploadIsDocumentedWithExamples() {
    given()
        .get("/q/openapi?format=json")
        .then()
        .statusCode(200)
        .body(containsString("/api/v1/tips/{trackingCode}/evidence"))
        .body(containsString("/internal/v1/tips/{tipId}/evidence/{fileId}"))
        .body(containsString("application/x-msdownload (read from its bytes"))
        .body(containsString("chuyen-khoan.png"));
  }
}
