package io.fraudtip.cases.disputes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudtip.cases.linking.CaseIdentifier;
import io.fraudtip.contracts.tips.IdentifierType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SitesTest {
  private long ids;

  private CaseIdentifier row(IdentifierType type, String value) {
    CaseIdentifier i = new CaseIdentifier();
    i.id = ++ids;
    i.type = type;
    i.value = value;
    return i;
  }

  @Test
  void aDomainCoversItsPagesAndSubDomainsOnlyNotALookAlike() {
    CaseIdentifier domain = row(IdentifierType.DOMAIN, "shop.vn");
    CaseIdentifier page = row(IdentifierType.URL, "https://shop.vn/pay");
    CaseIdentifier sub = row(IdentifierType.DOMAIN, "pay.shop.vn");
    CaseIdentifier subPage = row(IdentifierType.URL, "https://pay.shop.vn/x");
    CaseIdentifier lookAlike = row(IdentifierType.URL, "https://myshop.vn/pay");
    CaseIdentifier phone = row(IdentifierType.PHONE, "+84912345678");
    CaseIdentifier delisted = row(IdentifierType.URL, "https://shop.vn/old");
    delisted.delistedAt = Instant.now();

    assertThat(
            Sites.coveredBy(
                domain, List.of(domain, page, sub, subPage, lookAlike, phone, delisted)))
        .containsExactly(page, sub, subPage);
  }

  @Test
  void aPageCoversTheDomainsItIsOnWhileNoOtherListedPageIsOnThem() {
    CaseIdentifier domain = row(IdentifierType.DOMAIN, "shop.vn");
    CaseIdentifier page = row(IdentifierType.URL, "https://shop.vn/pay");
    CaseIdentifier other = row(IdentifierType.URL, "https://shop.vn/top-up");
    CaseIdentifier elsewhere = row(IdentifierType.DOMAIN, "other.vn");

    assertThat(Sites.coveredBy(page, List.of(domain, page, elsewhere))).containsExactly(domain);
    assertThat(Sites.coveredBy(page, List.of(domain, page, other, elsewhere))).isEmpty();
    other.delistedAt = Instant.now();
    assertThat(Sites.coveredBy(page, List.of(domain, page, other))).containsExactly(domain);
  }

  @Test
  void otherIdentifiersCoverNothing() {
    CaseIdentifier phone = row(IdentifierType.PHONE, "+84912345678");
    assertThat(Sites.coveredBy(phone, List.of(phone, row(IdentifierType.DOMAIN, "shop.vn"))))
        .isEmpty();
  }
}
