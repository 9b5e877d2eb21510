package io.fraudtip.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudtip.commons.problem.ProblemException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The URL policy with the local-use setting off, as in production. */
class EndpointUrlPolicyTest {
  // Resolves literal addresses and localhost as the system does; one public name for the good case.
  static final EndpointUrlPolicy PRODUCTION =
      new EndpointUrlPolicy(
          false,
          host ->
              host.equals("hooks.bank.example")
                  ? new InetAddress[] {InetAddress.getByName("203.113.131.1")}
                  : host.equals("rebind.bank.example")
                      ? new InetAddress[] {
                        InetAddress.getByName("203.113.131.1"), InetAddress.getByName("10.1.2.3")
                      }
                      : host.endsWith(".internal")
                          ? unresolvable(host)
                          : InetAddress.getAllByName(host));

  private static InetAddress[] unresolvable(String host) throws UnknownHostException {
    throw new UnknownHostException(host);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1/hooks",
        "http://169.254.169.254/latest/meta-data",
        "http://10.0.0.1/hooks",
        "http://localhost:8080/hooks",
        "https://127.0.0.1/hooks",
        "https://169.254.169.254/latest/meta-data",
        "https://10.0.0.1/hooks",
        "https://localhost/hooks",
        "https://192.168.1.10/hooks",
        "https://172.16.5.4/hooks",
        "https://[::1]/hooks",
        "https://[fd00::1]/hooks",
        "https://100.64.0.1/hooks",
        "https://0.0.0.0/hooks",
        "https://rebind.bank.example/hooks",
        "ftp://hooks.bank.example/x",
        "https://user:pw@hooks.bank.example/x",
        "https://203.113.131.1:70000/hooks",
        "https://203.113.131.1:0/hooks",
        "https://hooks_bank.example/x",
        "https://hooks.bank.example/x#top",
        "https:///x",
        "not a url"
      })
  void refusesLocalAndNonHttpsUrls(String url) {
    assertThatThrownBy(() -> PRODUCTION.check(url))
        .isInstanceOfSatisfying(
            ProblemException.class,
            p -> {
              assertThat(p.status()).isEqualTo(400);
              assertThat(p.errors())
                  .singleElement()
                  .satisfies(e -> assertThat(e.field()).isEqualTo("url"));
            });
  }

  @Test
  void namesResolvingToLoopbackAreRefusedForTheirAddressNotTheirName() {
    // https, so only the address can be the reason.
    assertThatThrownBy(() -> PRODUCTION.check("https://localhost/hooks"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            p -> assertThat(p.errors().get(0).code()).isEqualTo("url.not-public"));
  }

  @Test
  void aRefusedUrlIsTheValidationProblemOfEveryService() {
    assertThatThrownBy(() -> PRODUCTION.check("ftp://hooks.bank.example/x"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            p -> {
              assertThat(p.type()).isEqualTo("validation");
              assertThat(p.getMessage()).isEqualTo("The request has 1 invalid field(s)");
              assertThat(p.errors().get(0).message()).isEqualTo("The URL must use https");
            });
  }

  /** Stored as every attempt reaches it: scheme and host in lower case, a host in its IDN form. */
  @Test
  void theUrlIsStoredAsItIsReached() {
    EndpointUrlPolicy anyName =
        new EndpointUrlPolicy(
            false, host -> new InetAddress[] {InetAddress.getByName("203.113.131.1")});
    assertThat(anyName.check("HTTPS://Hooks.Bank.EXAMPLE/Fraud%2Fx?X=1&y=%20").toString())
        .isEqualTo("https://hooks.bank.example/Fraud%2Fx?X=1&y=%20");
    assertThat(anyName.check("https://ngân-hàng.vn:8443/hooks").toString())
        .isEqualTo("https://xn--ngn-hng-dwao.vn:8443/hooks");
    assertThatThrownBy(() -> anyName.check("https://hooks_bank.example/x"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            p -> assertThat(p.errors().get(0).message()).startsWith("The URL needs a host"));
  }

  @Test
  void acceptsHttpsToAPublicAddress() {
    assertThat(PRODUCTION.check("https://hooks.bank.example/fraudtip").toString())
        .isEqualTo("https://hooks.bank.example/fraudtip");
  }

  @Test
  void theAddressesCheckedAreTheOnesToConnectTo() throws UnknownHostException {
    assertThat(PRODUCTION.checkAddresses(URI.create("https://hooks.bank.example/fraudtip")))
        .containsExactly(InetAddress.getByName("203.113.131.1"));
    EndpointUrlPolicy twoAddresses =
        new EndpointUrlPolicy(
            false,
            host ->
                new InetAddress[] {
                  InetAddress.getByName("203.113.131.2"), InetAddress.getByName("203.113.131.1")
                });
    assertThat(twoAddresses.checkAddresses(URI.create("https://hooks.bank.example/")))
        .containsExactly(
            InetAddress.getByName("203.113.131.2"), InetAddress.getByName("203.113.131.1"));
    EndpointUrlPolicy local = new EndpointUrlPolicy(true, InetAddress::getAllByName);
    assertThat(local.checkAddresses(URI.create("http://127.0.0.1:9999/hooks/a"))).isEmpty();
  }

  @Test
  void theLocalUseSettingAllowsLoopbackOverHttp() {
    EndpointUrlPolicy local =
        new EndpointUrlPolicy(
            true,
            host -> {
              throw new UnknownHostException("not consulted");
            });
    assertThat(local.check("http://127.0.0.1:9999/hooks/a").getPort()).isEqualTo(9999);
  }

  @Test
  void anAllowedLocalOriginPassesWhileEveryOtherLocalUrlIsRefused() {
    EndpointUrlPolicy demoBank =
        new EndpointUrlPolicy(false, List.of("http://localhost:8090"), InetAddress::getAllByName);
    assertThat(demoBank.check("http://LOCALHOST:8090/banks/970436").getPort()).isEqualTo(8090);
    assertThat(demoBank.checkAddresses(URI.create("http://localhost:8090/banks/970436"))).isEmpty();
    for (String url :
        List.of(
            "http://localhost:8091/banks/970436", // another port
            "http://127.0.0.1:8090/banks/970436", // the same place by another name
            "https://localhost:8090/banks/970436")) { // another scheme
      assertThatThrownBy(() -> demoBank.check(url)).as(url).isInstanceOf(ProblemException.class);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://[::ffff:10.0.0.1]/hooks", // IPv4-mapped
        "https://[::ffff:127.0.0.1]/hooks",
        "https://[::ffff:203.113.131.1]/hooks", // mapped, even of a public address
        "https://[::10.0.0.1]/hooks", // IPv4-compatible
        "https://[64:ff9b::a00:1]/hooks", // NAT64 of 10.0.0.1
        "https://[64:ff9b::cb71:8301]/hooks", // NAT64 of a public address
        "https://[2002:a00:1::1]/hooks", // 6to4 of 10.0.0.1
        "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hooks", // Teredo
      })
  void refusesIpv6TransitionFormsThatCarryAnIpv4Address(String url) {
    assertThatThrownBy(() -> PRODUCTION.check(url))
        .isInstanceOfSatisfying(
            ProblemException.class,
            p -> assertThat(p.errors().get(0).code()).isEqualTo("url.not-public"));
  }

  @Test
  void aNativePublicIpv6AddressIsAccepted() {
    assertThat(PRODUCTION.check("https://[2404:6800:4005:80a::200e]/hooks").getHost())
        .isEqualTo("[2404:6800:4005:80a::200e]");
  }

  @Test
  void anUnresolvableHostAnswersAsANonPublicOneSoThatNamesCannotBeProbed() {
    ProblemException unresolvable =
        catchProblem(() -> PRODUCTION.check("https://payments.internal/hooks"));
    ProblemException internal = catchProblem(() -> PRODUCTION.check("https://10.0.0.1/hooks"));

    assertThat(unresolvable.errors()).isEqualTo(internal.errors());
    assertThat(unresolvable.errors().get(0).code()).isEqualTo("url.not-public");
  }

  private static ProblemException catchProblem(Runnable call) {
    try {
      call.run();
    } catch (ProblemException e) {
      return e;
    }
    throw new AssertionError("not refused");
  }
}
