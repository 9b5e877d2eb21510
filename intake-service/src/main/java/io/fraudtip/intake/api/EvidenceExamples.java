package io.fraudtip.intake.api;

/** The OpenAPI examples of the evidence endpoints. */
public final class EvidenceExamples {
  private EvidenceExamples() {}

  /** A stored file, as its upload answers. */
  public static final String STORED =
      """
      {"fileId": "0b8f6a52-1d7e-4f0a-9c3b-5e2d7a4c9f10",
       "tipId": "3f2b8c1e-7a4d-4e9b-8f6a-2c1d0e9b7a65",
       "name": "chuyen-khoan.png", "contentType": "image/png", "sizeBytes": 48213,
       "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
       "uploader": "CITIZEN", "uploadedAt": "2026-11-20T03:15:00Z"}
      """;

  /** The files of a tip. */
  public static final String LIST = "[" + STORED + "]";

  /** The 415 answer to an executable named like a picture. */
  public static final String DISGUISED =
      """
      {"type": "evidence-type", "title": "Unsupported Media Type", "status": 415,
       "detail": "The file's content is application/x-msdownload (read from its bytes, whatever its name or Content-Type say): only images (JPEG, PNG, WebP, HEIC) and PDF are accepted; nothing was stored",
       "instance": "/api/v1/tips/K7QM-4XRT-9P/evidence", "errors": []}
      """;

  /** The 413 answer to a file over the limit. */
  public static final String TOO_LARGE =
      """
      {"type": "payload-too-large", "title": "Payload Too Large", "status": 413,
       "detail": "The request body is larger than this service accepts",
       "instance": "/api/v1/tips/K7QM-4XRT-9P/evidence", "errors": []}
      """;

  /** The 409 answer when the tip has its most files. */
  public static final String TOO_MANY =
      """
      {"type": "evidence-count", "title": "Conflict", "status": 409,
       "detail": "This tip already has 10 files, the most it may have; nothing was stored",
       "instance": "/api/v1/tips/K7QM-4XRT-9P/evidence", "errors": []}
      """;
}
