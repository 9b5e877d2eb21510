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
}
