package io.fraudtip.systemtests;

import java.time.Instant;

/** Valid tips as a citizen's app posts them to intake. */
final class Tips {
  private Tips() {}

  /**
   * A web tip from Khánh Hòa (56): an online shop took a deposit of 3.2 million VND, paid an hour
   * ago to {@code account} at the bank of {@code bin}.
   */
  static String onlineShop(String bin, String account) {
    return """
        {"channel": "WEB", "location": {"provinceCode": "56"},
         "occurredAt": "%s", "scamType": "ONLINE_SHOPPING_DELIVERY",
         "description": "Shop online giả, nhận tiền cọc rồi chặn liên lạc",
         "amountLostVnd": 3200000,
         "transfers": [{"bank": "%s", "accountNumber": "%s", "amountVnd": 3200000,
                        "at": "%s"}]}
        """
        .formatted(
            Instant.now().minusSeconds(3600), bin, account, Instant.now().minusSeconds(1800));
  }
}
