package io.fraudtip.commons.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudtip.commons.problem.InvalidValue;
import java.net.IDN;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlNormaliserTest {
  private final UrlNormaliser urls = new UrlNormaliser();

  @ParameterizedTest
  @CsvSource({
    "https://BoCongAn-XacMinh.com/login#otp, https://bocongan-xacminh.com/login,"
        + " bocongan-xacminh.com",
    "HTTPS://Login.VietcomBank.com.vn:443/a/B?c=D#x, https://login.vietcombank.com.vn/a/B?c=D,"
        + " vietcombank.com.vn",
    "http://shop.example.co.uk:8080, http://shop.example.co.uk:8080/, example.co.uk",
    "shop.example.co.uk/path?q=1, http://shop.example.co.uk/path?q=1, example.co.uk",
    "https://user:secret@evil.example.com./x, https://evil.example.com/x, example.com",
    "https://abc.github.io/p, https://abc.github.io/p, abc.github.io",
    "http://192.168.1.10/admin, http://192.168.1.10/admin, ",
    // A browser opens evil.com: the backslash is a slash, not the end of user info.
    "https://evil.com\\@vietcombank.com.vn/login, https://evil.com/@vietcombank.com.vn/login,"
        + " evil.com",
  })
  void urlsAreNormalisedWithTheirRegistrableDomain(String typed, String url, String domain) {
    UrlNormaliser.Site site = urls.normalise(typed);
    assertThat(site.url()).isEqualTo(url);
    assertThat(site.domain()).isEqualTo(domain);
  }

  @Test
  void anInternationalisedHostIsStoredInPunycode() {
    UrlNormaliser.Site site = urls.normalise("https://Bộcôngan.vn/tra-cứu#a");
    String puny = IDN.toASCII("bộcôngan.vn");
    assertThat(puny).startsWith("xn--");
    assertThat(site.url()).isEqualTo("https://" + puny + "/tra-cứu");
    assertThat(site.domain()).isEqualTo(puny);
  }

  @Test
  void aBareDomainIsADomainOnly() {
    assertThat(urls.normalise("DichVuCong-Gov.top"))
        .isEqualTo(new UrlNormaliser.Site(null, "dichvucong-gov.top"));
    assertThat(urls.normalise("www.dichvucong-gov.top"))
        .isEqualTo(new UrlNormaliser.Site("http://www.dichvucong-gov.top/", "dichvucong-gov.top"));
  }

  @ParameterizedTest
  @CsvSource({
    "ftp://files.example.com/x, url.scheme",
    "javascript://alert(1), url.scheme",
    "https://com.vn/, url.domain",
    "https://localhost/, url.domain",
    "https://exa mple.com/, url.invalid",
    "https:///nohost, url.host",
    "https://bad_host!.com/, url.host",
    "https://example.com:99x/, url.host",
    "https://example.com:70000/, url.host",
  })
  void badUrlsAreRefusedWithTheirRule(String typed, String code) {
    assertThatThrownBy(() -> urls.normalise(typed))
        .isInstanceOf(InvalidValue.class)
        .extracting(e -> ((InvalidValue) e).code())
        .isEqualTo(code);
  }
}
