package io.fraudtip.intake.api;

/**
 * The OpenAPI examples of the tip API, real-looking and in Vietnamese, kept here so that the
 * resource's documentation stays readable.
 */
public final class Examples {
  private Examples() {}

  /** A real-looking tip in Vietnamese, the example of the API documentation. */
  public static final String TIP =
      """
      {
        "channel": "MOBILE_APP",
        "reporter": {"name": "Nguyễn Thị Hoa", "phone": "0912 345 678",
                     "email": "hoa.nguyen@example.vn", "nationalId": "066190001234"},
        "location": {"provinceCode": "66", "communeCode": "24133"},
        "occurredAt": "2026-11-20T09:30:00+07:00",
        "scamType": "IMPERSONATION_AUTHORITY",
        "description": "Sáng 20/11 tôi nhận cuộc gọi từ số 0869 123 456, người gọi tự xưng là cán bộ Công an tỉnh Đắk Lắk, nói tôi liên quan đến một vụ rửa tiền và yêu cầu chuyển toàn bộ tiền tiết kiệm vào tài khoản tạm giữ để xác minh. Họ gửi đường link qua Zalo để cài ứng dụng Dịch vụ công giả mạo. Tôi đã chuyển 45.000.000 đồng.",
        "amountLostVnd": 45000000,
        "transfers": [{"bank": "Vietcombank", "accountNumber": "0011 0023.4567",
                       "accountName": "NGUYEN VAN B", "amountVnd": 45000000,
                       "at": "2026-11-20T10:05:00+07:00"}],
        "scammer": {
          "phones": ["0869 123 456", "01688 123 456"],
          "bankAccounts": [{"bank": "970422", "accountNumber": "9999-8888-77", "accountName": "TRAN VAN C"}],
          "urls": ["https://DichVuCong-BoCongAn.com/cai-dat#tai-ve"],
          "socialAccounts": [{"platform": "ZALO", "handle": "0869123456"}],
          "appPackages": ["com.dichvucong.gov"]
        }
      }
      """;

  /** The 400 answer to a tip with a bad scammer phone number and an unknown bank. */
  public static final String BAD_PHONE_AND_BANK =
      """
      {"type": "validation", "title": "Yêu cầu không hợp lệ", "status": 400,
       "detail": "Yêu cầu có 2 trường không hợp lệ", "instance": "/api/v1/tips",
       "errors": [
         {"field": "scammer.phones[0]", "code": "phone.invalid",
          "message": "Số điện thoại không hợp lệ"},
         {"field": "transfers[0].bank", "code": "bank.unknown",
          "message": "Không tìm thấy ngân hàng 'ABC': hãy nhập mã BIN NAPAS, mã hoặc tên ngân hàng"}]}
      """;

  /** 409: the key's first request is still being committed. */
  public static final String IN_FLIGHT =
      """
      {"type": "idempotency-in-flight", "title": "Conflict", "status": 409,
       "detail": "A request with this Idempotency-Key is still being processed; retry shortly",
       "instance": "/api/v1/tips"}
      """;

  /** 413: a declared body over the limit, refused before it is read. */
  public static final String TOO_LARGE =
      """
      {"type": "payload-too-large", "title": "Payload Too Large", "status": 413,
       "detail": "The request body is larger than this service accepts",
       "instance": "/api/v1/tips"}
      """;

  /** 422: the key was used with another body. */
  public static final String KEY_MISMATCH =
      """
      {"type": "idempotency-mismatch", "title": "Unprocessable Content", "status": 422,
       "detail": "This Idempotency-Key was used with another body", "instance": "/api/v1/tips"}
      """;

  /** 429: past the address's or the client's limit. */
  public static final String TOO_MANY =
      """
      {"type": "too-many-requests", "title": "Too Many Requests", "status": 429,
       "detail": "Too many requests; try again in 12 second(s)", "instance": "/api/v1/tips"}
      """;

  /** 503: not stored; the same request may be sent again. */
  public static final String UNAVAILABLE =
      """
      {"type": "unavailable", "title": "Service Unavailable", "status": 503,
       "detail": "The service cannot take tips right now (it is stopping or overloaded); retry\
       shortly", "instance": "/api/v1/tips"}
      """;

  /** 200: a tip's public view, once its case was assigned. */
  public static final String TRACKING =
      """
      {"trackingCode": "K7QM-4XRT-9P", "status": "ASSIGNED",
       "receivedAt": "2026-11-28T02:14:05Z", "updatedAt": "2026-11-28T02:14:06Z",
       "history": [
         {"status": "RECEIVED", "at": "2026-11-28T02:14:05Z", "note": "Tip received"},
         {"status": "ASSIGNED", "at": "2026-11-28T02:14:06Z",
          "note": "Assigned to a police unit"}]}
      """;

  /** 404: no tip has the code (the same answer whatever the code looks like). */
  public static final String NO_TIP =
      """
      {"type": "not-found", "title": "Not Found", "status": 404,
       "detail": "Tip K7QM-4XRT-9Q was not found", "instance": "/api/v1/tips/K7QM-4XRT-9Q"}
      """;
}
