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
    // App stores and free hosts: two fake apps, or two articles, are two pages, not one domain.
    for (String page :
        new String[] {
          "https://apps.apple.com/vn/app/vneid-fake/id11",
          "https://github.com/someone/fake-wallet",
          "https://telegra.ph/Dau-tu-vang-11-28",
          "https://lua-dao.wordpress.com/nap-tien",
          "https://medium.com/@someone/x",
          // A site a user has on a sub-domain of one, named by its home page: that page.
          "https://vay-nhanh.mystrikingly.com/",
          "https://lua-dao.wordpress.com/"
        }) {
      assertThat(ids.site(page)).as(page).containsExactly(id(IdentifierType.URL, page));
    }
    assertThatThrownBy(() -> ids.site("https://m.facebook.com/"))
        .hasMessageContaining("url.shared-platform");
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
        .containsExactly(id(IdentifierType.SOCIAL_ACCOUNT, "ZALO:+84912345678"));
  }

  /**
   * Two victims, or a victim and a bank, typing one scammer's account two ways name one account.
   */
  @Test
  void aSocialAccountTypedAnyWayIsOneAccount() {
    assertThat(
            socialForms(
                "ZALO:0869 123 456",
                "zalo:+84 869 123 456",
                "ZALO:84869123456",
                "ZALO:(+84) 869.123.456",
                "ZALO:zalo.me/0869123456"))
        .containsExactly("ZALO:+84869123456");
    assertThat(
            socialForms(
                "TELEGRAM:@HoTroVayVon",
                "telegram:hotrovayvon",
                "TELEGRAM:https://t.me/HoTroVayVon"))
        .containsExactly("TELEGRAM:hotrovayvon");
    assertThat(
            socialForms(
                "FACEBOOK:Nguyen.Van.A",
                "FACEBOOK:https://www.facebook.com/nguyenvana?ref=share",
                "FACEBOOK:m.facebook.com/nguyen.vana"))
        .containsExactly("FACEBOOK:nguyenvana");
    assertThat(
            ids.canonical(
                IdentifierType.SOCIAL_ACCOUNT, "FACEBOOK:facebook.com/profile.php?id=100012345"))
        .isEqualTo("FACEBOOK:100012345");
    assertThat(
            ids.canonical(
                IdentifierType.SOCIAL_ACCOUNT,
                "FACEBOOK:https://vi-vn.facebook.com/people/Nguyen-Van-A/100012345/"))
        .isEqualTo("FACEBOOK:100012345");
    assertThat(
            ids.canonical(
                IdentifierType.SOCIAL_ACCOUNT, "FACEBOOK:vi-vn.facebook.com/Nguyen.Van.A"))
        .isEqualTo("FACEBOOK:nguyenvana");
    // A link that names no account (a share, a group, an invitation) is kept as typed: read as an
    // account called "share", it would join every scammer's shared post into one.
    for (String link :
        java.util.List.of(
            "FACEBOOK:https://www.facebook.com/share/1AbC2dEf/",
            "FACEBOOK:https://www.facebook.com/groups/VayTienNhanh",
            "ZALO:https://zalo.me/g/AbCdEf",
            "TELEGRAM:https://t.me/joinchat/AbCdEf",
            "TIKTOK:https://vm.tiktok.com/ZSxAbC/")) {
      assertThat(ids.canonical(IdentifierType.SOCIAL_ACCOUNT, link)).isEqualTo(link);
    }
    // Telegram's numeric user ids are digits too: only a number written as one is a phone.
    assertThat(ids.canonical(IdentifierType.SOCIAL_ACCOUNT, "TELEGRAM:912345678"))
        .isEqualTo("TELEGRAM:912345678");
    assertThat(ids.canonical(IdentifierType.SOCIAL_ACCOUNT, "TELEGRAM:0912 345 678"))
        .isEqualTo("TELEGRAM:+84912345678");
    // A platform this code does not know keeps the handle as typed.
    assertThat(ids.canonical(IdentifierType.SOCIAL_ACCOUNT, "other: @Mixed.Case "))
        .isEqualTo("OTHER:@Mixed.Case");
    // Looked up also as stored before handles had one form.
    assertThat(ids.lookupForms(IdentifierType.SOCIAL_ACCOUNT, "ZALO:0869123456"))
        .containsExactly(
            id(IdentifierType.SOCIAL_ACCOUNT, "ZALO:+84869123456"),
            id(IdentifierType.SOCIAL_ACCOUNT, "ZALO:0869123456"));
  }

  /** The distinct forms the values take as social accounts. */
  private java.util.List<String> socialForms(String... values) {
    return java.util.Arrays.stream(values)
        .map(v -> ids.canonical(IdentifierType.SOCIAL_ACCOUNT, v))
        .distinct()
        .toList();
  }

  @Test
  void aWalletWhoseCaseIsOnlyAChecksumIsInLowerCaseAndAnyOtherAsTyped() {
    String evm = "0x52908400098527886E0F7030069857D2E4169EE7";
    assertThat(ids.canonical(IdentifierType.CRYPTO_WALLET, evm))
        .isEqualTo(ids.canonical(IdentifierType.CRYPTO_WALLET, evm.toLowerCase()))
        .isEqualTo("0x52908400098527886e0f7030069857d2e4169ee7");
    assertThat(
            ids.canonical(
                IdentifierType.CRYPTO_WALLET, "BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ"))
        .isEqualTo("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq");
    // Base58 (Tron, Bitcoin's 1… and 3…): the case is the address.
    assertThat(ids.canonical(IdentifierType.CRYPTO_WALLET, " TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE "))
        .isEqualTo("TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE");
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
