package io.fraudtip.cases.api;

/** The OpenAPI examples of a unit's work on its cases by hand. */
public final class CaseWorkExamples {
  private CaseWorkExamples() {}

  /** An account found in a bank statement. */
  public static final String ADD_ACCOUNT =
      """
      {"type": "BANK_ACCOUNT", "bank": "970422", "accountNumber": "0987 6543 21",
       "reason": "Tài khoản nhận tiền theo sao kê Vietcombank ngày 21/11"}
      """;

  /** A phone number heard in a recorded call. */
  public static final String ADD_PHONE =
      """
      {"type": "PHONE", "value": "0869 123 456",
       "reason": "Số gọi cho bị hại theo bản ghi cuộc gọi của nhà mạng"}
      """;

  /** The case with the account entered (the answer's parts that show it). */
  public static final String ADDED =
      """
      {"id": "5b7e2c1a-9d4f-4e8b-a2c6-7f1e0d3b9a84", "reference": "VN-5B7E2C1A",
       "stage": "ACKNOWLEDGED", "unitCode": "PA05-66", "version": 4,
       "identifiers": [{"type": "BANK_ACCOUNT", "value": "970422:0987654321", "bankBin": "970422",
         "layer": 1, "reportCount": 1, "enteredBy": "PA05-66"}],
       "timeline": [{"kind": "IDENTIFIER_ADDED", "actor": "officer@PA05-66", "unitCode": "PA05-66",
         "detail": "BANK_ACCOUNT 970422:0987654321 entered by PA05-66: Tài khoản nhận tiền theo sao kê Vietcombank ngày 21/11"}]}
      """;

  /** The 400 answer to an account at a bank nobody knows. */
  public static final String BAD_ACCOUNT =
      """
      {"type": "validation", "title": "Bad Request", "status": 400,
       "detail": "The request has 2 invalid field(s)",
       "instance": "/api/v1/cases/5b7e2c1a-9d4f-4e8b-a2c6-7f1e0d3b9a84/identifiers",
       "errors": [{"field": "accountNumber", "code": "account.invalid",
         "message": "Not a valid account number (4 to 30 letters and digits)"},
        {"field": "bank", "code": "bank.unknown",
         "message": "Unknown bank 'NGAN HANG X': give its NAPAS BIN, code or name"}]}
      """;

  /** The 409 answer to an identifier the case holds already. */
  public static final String DUPLICATE =
      """
      {"type": "identifier-present", "title": "Conflict", "status": 409,
       "detail": "The case holds BANK_ACCOUNT 970422:0987654321 already",
       "instance": "/api/v1/cases/5b7e2c1a-9d4f-4e8b-a2c6-7f1e0d3b9a84/identifiers", "errors": []}
      """;

  /** The 409 answer to an identifier held by a case outside the caller's unit tree. */
  public static final String OUTSIDE_SCOPE =
      """
      {"type": "identifier-outside-scope", "title": "Conflict", "status": 409,
       "detail": "PHONE +84869123456 is held by a case outside your unit's tree: nothing was entered and no case merged. A unit above both cases can enter it or merge them.",
       "instance": "/api/v1/cases/5b7e2c1a-9d4f-4e8b-a2c6-7f1e0d3b9a84/identifiers", "errors": []}
      """;

  /** Two cases that are one. */
  public static final String MERGE =
      """
      {"caseId": "9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f",
       "reason": "Cùng một đối tượng, cùng số điện thoại liên lạc theo lời khai"}
      """;

  /** The survivor after a merge by hand (the answer's parts that show it). */
  public static final String MERGED =
      """
      {"id": "5b7e2c1a-9d4f-4e8b-a2c6-7f1e0d3b9a84", "reference": "VN-5B7E2C1A",
       "stage": "ACKNOWLEDGED", "unitCode": "PA05-66", "victims": 3, "version": 5,
       "timeline": [{"kind": "MERGED", "actor": "officer@PA05-66", "unitCode": "PA05-66",
         "detail": "Absorbed VN-9F8E7D6C by hand by PA05-66: Cùng một đối tượng, cùng số điện thoại liên lạc theo lời khai"}]}
      """;

  /** The 409 answer to a merge with a closed case. */
  public static final String CLOSED =
      """
      {"type": "case-closed", "title": "Conflict", "status": 409,
       "detail": "Case VN-9F8E7D6C is CLOSED: closed and merged cases take no more work",
       "instance": "/api/v1/cases/5b7e2c1a-9d4f-4e8b-a2c6-7f1e0d3b9a84/merge", "errors": []}
      """;

  /** Tips to split out. */
  public static final String SPLIT =
      """
      {"tipIds": ["3f2b8c1e-7a4d-4e9b-8f6a-2c1d0e9b7a65"],
       "reason": "Bị hại ở Gia Lai bị lừa bởi một nhóm khác, chỉ trùng số tài khoản trung gian"}
      """;

  /** What a split did (the answer's parts that show it). */
  public static final String SPLIT_DONE =
      """
      {"original": {"id": "5b7e2c1a-9d4f-4e8b-a2c6-7f1e0d3b9a84", "reference": "VN-5B7E2C1A",
         "victims": 2, "version": 6,
         "timeline": [{"kind": "SPLIT", "actor": "officer@PA05-66", "unitCode": "PA05-66",
           "detail": "1 tip(s) split by hand into VN-5C2E9A17 by PA05-66: Bị hại ở Gia Lai bị lừa bởi một nhóm khác, chỉ trùng số tài khoản trung gian"}]},
       "created": {"id": "5c2e9a17-3b1d-4f6e-9a8c-7d2e1f0b3c4a", "reference": "VN-5C2E9A17",
         "stage": "ASSIGNED", "unitCode": "PA05-64", "ruleId": "R-64-CYBER",
         "tipIds": ["3f2b8c1e-7a4d-4e9b-8f6a-2c1d0e9b7a65"], "identifiers": ["PHONE +84869123456"]}}
      """;

  /** The 400 answer to a tip that is not in the case. */
  public static final String NOT_IN_CASE =
      """
      {"type": "validation", "title": "Bad Request", "status": 400,
       "detail": "The request has 1 invalid field(s)",
       "instance": "/api/v1/cases/5b7e2c1a-9d4f-4e8b-a2c6-7f1e0d3b9a84/split",
       "errors": [{"field": "tipIds[0]", "code": "tip.notInCase",
         "message": "Tip 7d3e1f20-5a6b-4c8d-9e0f-1a2b3c4d5e6f is not in this case"}]}
      """;

  /** The 409 answer to a split of every tip. */
  public static final String SPLIT_ALL =
      """
      {"type": "split-all-tips", "title": "Conflict", "status": 409,
       "detail": "A split leaves at least one tip in the case: name some of its 2 tips, not all",
       "instance": "/api/v1/cases/5b7e2c1a-9d4f-4e8b-a2c6-7f1e0d3b9a84/split", "errors": []}
      """;
}
