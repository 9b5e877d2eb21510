package io.fraudtip.commons.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudtip.commons.problem.InvalidValue;
import io.fraudtip.contracts.tips.IdentifierType;
import io.fraudtip.contracts.tips.IdentifierV1;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentifierNormaliserTest {
  private final IdentifierNormaliser ids = IdentifierNormaliser.standard();

  private static IdentifierV1 id(IdentifierType type, String value) {
    return new IdentifierV1(type, value, null, null, false);
  }

  @ParameterizedTest
  @CsvSource({"01688123456", "0168 812 3456", "+841688123456", "0388123456", "+84 388 123 456"})
  void anOldElevenDigitMobileIsTheSamePhoneAsTodaysNumber(String typed) {
    assertThat(ids.normalise(IdentifierType.PHONE, typed))
        .containsExactly(new IdentifierV1(IdentifierType.PHONE, "+84388123456", null, "VN", false));
  }

  @ParameterizedTest
  @CsvSource({
    "970436:0123456789",
    "VCB:0123 456 789",
    "Vietcombank:0123.456.789",
    "970436 : 0123-456-789"
  })
  void anAccountIsItsBinAndNormalisedNumberWhateverTheBankIsCalled(String typed) {
    assertThat(ids.normalise(IdentifierType.BANK_ACCOUNT, typed))
        .containsExactly(
            new IdentifierV1(
                IdentifierType.BANK_ACCOUNT, "970436:0123456789", "970436", null, false));
  }

  @Test
  void aBareAccountNumberHasNoBank() {
    assertThat(ids.bankAccount("0123 456 789"))
        .isEqualTo(id(IdentifierType.BANK_ACCOUNT, "0123456789"));
  }

  @Test
  void anUnknownBankOrABadAccountIsRefusedWithItsRule() {
    assertThatThrownBy(() -> ids.bankAccount("NOBANK:0123456789"))
        .isInstanceOf(InvalidValue.class)
        .extracting(e -> ((InvalidValue) e).code())
        .isEqualTo("bank.unknown");
    assertThatThrownBy(() -> ids.bankAccount("VCB:12"))
        .isInstanceOf(InvalidValue.class)
        .extracting(e -> ((InvalidValue) e).code())
        .isEqualTo("account.invalid");
  }

  @Test
  void aUrlStandsForItselfAndItsRegistrableDomain() {
    assertThat(ids.normalise(IdentifierType.URL, "HTTPS://WWW.BoCongAn-XacMinh.com/Login#otp"))
        .containsExactly(
            id(IdentifierType.URL, "https://www.bocongan-xacminh.com/Login"),
            id(IdentifierType.DOMAIN, "bocongan-xacminh.com"));
  }

  /**
   * A page on a platform many people publish on is its own identifier: its domain would list the
   * whole platform and link every tip naming another page of it.
   */
  @Test
  void aPageOnASharedPlatformIsOnlyItselfAndThePlatformAloneIsNoOne() {
    assertThat(ids.site("https://www.facebook.com/profile.php?id=1000123"))
        .containsExactly(id(IdentifierType.URL, "https://www.facebook.com/profile.php?id=1000123"));
    assertThat(ids.site("zalo.me/g/abcxyz"))
        .containsExactly(id(IdentifierType.URL, "http://zalo.me/g/abcxyz"));
    assertThat(ids.site("https://sites.google.com/view/dau-tu-vang"))
        .containsExactly(id(IdentifierType.URL, "https://sites.google.com/view/dau-tu-vang"));
    for (String alone :
        new String[] {"facebook.com", "https://www.facebook.com/", "WWW.FACEBOOK.COM", "t.me"}) {
      assertThatThrownBy(() -> ids.site(alone))
          .as(alone)
          .isInstanceOf(InvalidValue.class)
          .hasMessageContaining("url.shared-platform");
    }
    // Not a look-alike of one: a scam site named after it keeps its domain.
    assertThat(ids.site("https://facebook-xacminh.com/login"))
        .contains(id(IdentifierType.DOMAIN, "facebook-xacminh.com"));
    assertThat(UrlNormaliser.isSharedPlatform("facebook.com")).isTrue();
    assertThat(UrlNormaliser.isSharedPlatform("facebook-xacminh.com")).isFalse();
    assertThat(UrlNormaliser.isSharedPlatform(null)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"bocongan-xacminh.com", "BoCongAn-XacMinh.COM.", "https://BOCONGAN-XACMINH.com/x"})
  void aDomainCheckIsTheRegistrableDomain(String typed) {
    assertThat(ids.normalise(IdentifierType.DOMAIN, typed))
        .containsExactly(id(IdentifierType.DOMAIN, "bocongan-xacminh.com"));
  }

  @ParameterizedTest
  @CsvSource({"Login.BoCongAn-XacMinh.com", "http://login.bocongan-xacminh.com:8080/x?y=1"})
  void aSubDomainCheckIsTheHostThenItsRegistrableDomain(String typed) {
    assertThat(ids.normalise(IdentifierType.DOMAIN, typed))
        .containsExactly(
            id(IdentifierType.DOMAIN, "login.bocongan-xacminh.com"),
            id(IdentifierType.DOMAIN, "bocongan-xacminh.com"));
    assertThat(ids.canonical(IdentifierType.DOMAIN, typed)).isEqualTo("login.bocongan-xacminh.com");
  }

  @Test
  void aLookupKeepsAValueThatIsNotOfItsTypeAsTyped() {
    assertThat(ids.lookupForms(IdentifierType.PHONE, " +84113 "))
        .containsExactly(id(IdentifierType.PHONE, "+84113"));
    assertThat(ids.canonical(IdentifierType.PHONE, "0912 345 678")).isEqualTo("+84912345678");
    assertThat(ids.canonical(IdentifierType.URL, "https://Evil.com"))
        .isEqualTo("https://evil.com/");
  }

  @Test
  void aSocialAccountIsPlatformAndHandle() {
    assertThat(ids.normalise(IdentifierType.SOCIAL_ACCOUNT, "zalo: 0912345678"))
        .containsExactly(id(IdentifierType.SOCIAL_ACCOUNT, "ZALO:0912345678"));
  }

  @Test
  void aValueOfNoGivenTypeIsReadEveryWayItCanBe() {
    assertThat(ids.readings("01688 123 456"))
        .contains(
            new IdentifierV1(IdentifierType.PHONE, "+84388123456", null, "VN", false),
            id(IdentifierType.BANK_ACCOUNT, "01688123456"));
    assertThat(ids.readings("VCB:0123456789"))
        .contains(
            new IdentifierV1(
                IdentifierType.BANK_ACCOUNT, "970436:0123456789", "970436", null, false));
    assertThat(ids.readings("https://BoCongAn-XacMinh.com/a"))
        .contains(
            id(IdentifierType.URL, "https://bocongan-xacminh.com/a"),
            id(IdentifierType.DOMAIN, "bocongan-xacminh.com"))
        .noneMatch(r -> r.type() == IdentifierType.PHONE);
    assertThat(ids.readings("TAx9wallet")).contains(id(IdentifierType.CRYPTO_WALLET, "TAx9wallet"));
    assertThat(ids.readings("  ")).isEmpty();
  }
}
