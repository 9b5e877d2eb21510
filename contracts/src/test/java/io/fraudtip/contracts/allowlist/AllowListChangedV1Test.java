package io.fraudtip.contracts.allowlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudtip.contracts.tips.IdentifierType;
import org.junit.jupiter.api.Test;

class AllowListChangedV1Test {
  @Test
  void anEntrysKeyIsItsTypeAndValue() {
    assertThat(AllowListChangedV1.key(IdentifierType.BANK_ACCOUNT, "970436:1023456789"))
        .isEqualTo("BANK_ACCOUNT|970436:1023456789");
  }

  @Test
  void aLongEntrysKeyIsCutToWhatTheOutboxStoresCountingCharactersAsPostgresDoes() {
    String url = "https://example.vn/" + "a".repeat(200);
    assertThat(AllowListChangedV1.key(IdentifierType.URL, url))
        .hasSize(100)
        .isEqualTo(("URL|" + url).substring(0, 100));
    // A character outside the BMP is one character to PostgreSQL, two chars to Java.
    String wide = "\uD83D\uDE00".repeat(150);
    String key = AllowListChangedV1.key(IdentifierType.SOCIAL_ACCOUNT, wide);
    assertThat(key.codePointCount(0, key.length())).isEqualTo(100);
    assertThat(key).startsWith("SOCIAL_ACCOUNT|\uD83D\uDE00");
  }
}
