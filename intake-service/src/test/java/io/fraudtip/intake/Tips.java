package io.fraudtip.intake;

/** Tip bodies shared by the intake tests. */
public final class Tips {
  private Tips() {}

  /** The documented example: an identified reporter, a transfer, every kind of identifier. */
  public static final String FULL = io.fraudtip.intake.api.Examples.TIP;

  /** A valid tip: a fake police call, one transfer, one phone number. */
  public static final String VALID =
      """
      {
        "channel": "MOBILE_APP",
        "location": {"provinceCode": "66"},
        "occurredAt": "2026-11-20T09:30:00+07:00",
        "scamType": "IMPERSONATION_AUTHORITY",
        "description": "Người gọi tự xưng công an yêu cầu chuyển tiền",
        "amountLostVnd": 45000000,
        "transfers": [{"bank": "970436", "accountNumber": "0011 0023.4567", "amountVnd": 45000000,
                       "at": "2026-11-20T10:05:00+07:00"}],
        "scammer": {"phones": ["0869123456"]}
      }
      """;
}
