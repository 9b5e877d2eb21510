package io.fraudtip.cases.evidence;

/** The OpenAPI examples of a case's evidence endpoints. */
public final class EvidenceExamples {
  private EvidenceExamples() {}

  /** A file the unit attached, as its upload answers. */
  public static final String STORED =
      """
      {"fileId": "0b8f6a52-1d7e-4f0a-9c3b-5e2d7a4c9f10", "tipId": null,
       "name": "sao-ke-ngan-hang.pdf", "contentType": "application/pdf", "sizeBytes": 182044,
       "sha256": "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
       "attachedAt": "2026-11-21T02:10:00Z", "attachedBy": "PA05-66 officer@PA05-66",
       "uploader": "POLICE",
       "download": "/api/v1/cases/5b7e2c1a-9d4f-4e8b-a2c6-7f1e0d3b9a84/evidence/0b8f6a52-1d7e-4f0a-9c3b-5e2d7a4c9f10"}
      """;

  /** A case's files: the unit's and a reporter's. */
  public static final String LIST =
      "{\"files\": ["
          + STORED
          + """
          , {"fileId": "7d3e1f20-5a6b-4c8d-9e0f-1a2b3c4d5e6f",
           "tipId": "3f2b8c1e-7a4d-4e9b-8f6a-2c1d0e9b7a65",
           "name": "chuyen-khoan.png", "contentType": "image/png", "sizeBytes": 48213,
           "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
           "attachedAt": "2026-11-20T03:15:00Z", "attachedBy": "CITIZEN", "uploader": "CITIZEN",
           "download": "/api/v1/cases/5b7e2c1a-9d4f-4e8b-a2c6-7f1e0d3b9a84/tips/3f2b8c1e-7a4d-4e9b-8f6a-2c1d0e9b7a65/evidence/7d3e1f20-5a6b-4c8d-9e0f-1a2b3c4d5e6f"}],
           "note": null}
          """;

  /** The 415 answer to an executable named like a document. */
  public static final String DISGUISED =
      """
      {"type": "evidence-type", "title": "Unsupported Media Type", "status": 415,
       "detail": "The file's content is application/x-executable (read from its bytes, whatever its name or Content-Type say): only images (JPEG, PNG, WebP, HEIC) and PDF are accepted; nothing was stored",
       "instance": "/api/v1/cases/5b7e2c1a-9d4f-4e8b-a2c6-7f1e0d3b9a84/evidence", "errors": []}
      """;
}
