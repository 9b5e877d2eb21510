package io.fraudtip.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fraudtip.localstack.bank.DemoBank;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.notification.Webhooks;
import io.fraudtip.testsupport.HttpsBankTestResource;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.InjectHttpsBank;
import io.fraudtip.testsupport.InjectKafka;
import io.fraudtip.testsupport.InjectTokens;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestCertificate;
import io.fraudtip.testsupport.TestDatabase;
import io.fraudtip.testsupport.TestInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.tls.CertificateUpdatedEvent;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.core.http.HttpClient;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhooks to banks on https, as every production endpoint is: the test applications trust one
 * authority, the https demo bank's certificate, and show the platform's client certificate ({@code
 * %test.fraudtip.webhooks.tls-configuration-name}, {@link PlatformTestResource}).
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
// Declared once for the module: every test application has the TLS configuration of the banks.
@WithTestResource(value = HttpsBankTestResource.class, scope = TestResourceScope.GLOBAL)
class HttpsDeliveryTest {
  @InjectKafka KafkaCompanion kafka;
  @InjectDatabase TestDatabase db;
  @InjectTokens Tokens tokens;
  @InjectHttpsBank DemoBank httpsBank;
  @Inject TlsConfigurationRegistry registry;
  @Inject Event<CertificateUpdatedEvent> certificateUpdated;
  @Inject WebhookSender sender;

  @ConfigProperty(name = "fraudtip.webhooks.connect-timeout")
  Duration connectTimeout;

  @Test
  void aBankOnHttpsThatAsksForTheClientCertificateGetsItsWebhookSigned() {
    assertThat(httpsBank.baseUrl()).startsWith("https://localhost:");
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, httpsBank, "963369");

    UUID tip = Webhooks.tip(kafka, "963369", "7000000091");

    // The demo bank closes any connection without the platform's client certificate, so a
    // delivery that arrives showed it.
    await().atMost(Duration.ofSeconds(20)).until(() -> !endpoint.receiver().deliveries().isEmpty());
    List<DemoBank.Delivery> got = endpoint.receiver().deliveries();
    assertThat(got).hasSize(1);
    assertThat(got.get(0).verified()).isTrue();
    assertThat(got.get(0).answered()).isEqualTo(200);
    Map<String, Object> delivery = Webhooks.deliveryOf(db, tip);
    Webhooks.awaitState(db, delivery.get("id"), "SUCCEEDED", Duration.ofSeconds(10));
    assertThat(got.get(0).webhookId()).isEqualTo(delivery.get("webhook_id"));
    Webhooks.retire(db, endpoint);
  }

  @Test
  void aKeptAliveHttpsConnectionTheBankClosesAsTheWebhookArrivesIsTriedAgainAtOnce() {
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, httpsBank, "963369");
    UUID first = Webhooks.tip(kafka, "963369", "7000000211");
    Map<String, Object> firstDelivery = Webhooks.deliveryOf(db, first);
    Webhooks.awaitState(db, firstDelivery.get("id"), "SUCCEEDED", Duration.ofSeconds(20));
    // The bank's server closes the kept-alive connection the next webhook comes on.
    endpoint.receiver().dropConnection(1);

    UUID tip = Webhooks.tip(kafka, "963369", "7000000212");
    Map<String, Object> delivery = Webhooks.deliveryOf(db, tip);

    Webhooks.awaitState(db, delivery.get("id"), "SUCCEEDED", Duration.ofSeconds(20));
    assertThat(Webhooks.attempts(db, endpoint.id()))
        .extracting(a -> a.get("status_code"))
        .containsExactly(200, 200);
    assertThat(endpoint.receiver().deliveries(delivery.get("webhook_id").toString()))
        .extracting(DemoBank.Delivery::answered)
        .containsExactly(0, 200);
    Webhooks.retire(db, endpoint);
  }

  @Test
  void aBankWhoseConnectionFailsItsChecksGetsNothingAndEachAttemptSaysWhy(@TempDir Path dir) {
    TestInfrastructure infra = TestInfrastructure.get();
    TestCertificate stranger = TestCertificate.create(dir, "stranger", "localhost");
    TestCertificate otherClient = TestCertificate.create(dir, "other-client", "someone-else");
    // A certificate no trusted authority signed; the trusted certificate on a host name it does
    // not hold (127.0.0.1 where it names localhost); a bank that trusts another client's
    // certificate only, so it refuses the platform's.
    try (DemoBank unknownAuthority = DemoBank.startHttps(stranger.context(), "localhost", false);
        DemoBank otherName =
            DemoBank.startHttps(infra.bankCertificate().context(), "127.0.0.1", false);
        DemoBank otherClientOnly =
            DemoBank.startHttps(infra.bankCertificate().context(otherClient), "localhost", true)) {
      // Each with the reason a bank's operators can act on, as the delivery log shows it.
      Map<Webhooks.Endpoint, String> reasons =
          Map.of(
              Webhooks.register(tokens, unknownAuthority, "963388"),
              "PKIX path",
              Webhooks.register(tokens, otherName, "963388"),
              "No subject alternative names matching IP address 127.0.0.1",
              // TLS 1.3: the bank refuses the certificate after the client's side of the
              // handshake, by closing the connection.
              Webhooks.register(tokens, otherClientOnly, "963388"),
              "Connection was closed");

      UUID tip = Webhooks.tip(kafka, "963388", "7000000092");

      Webhooks.deliveryOf(db, tip);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  reasons.keySet().stream()
                      .noneMatch(e -> Webhooks.attempts(db, e.id()).isEmpty()));
      reasons.forEach(
          (endpoint, reason) -> {
            // Refused before a byte of the webhook went out: no status, the delivery left to its
            // next attempt.
            Map<String, Object> first = Webhooks.attempts(db, endpoint.id()).get(0);
            assertThat(first).as(endpoint.receiver().url()).containsEntry("status_code", null);
            assertThat((String) first.get("error")).as(endpoint.receiver().url()).contains(reason);
            assertThat(endpoint.receiver().deliveries()).isEmpty();
          });
      assertThat(
              db.queryLong(
                  "SELECT count(*) FROM delivery d JOIN alert a ON a.id = d.alert_id"
                      + " WHERE a.tip_id = ? AND d.state = 'SUCCEEDED'",
                  tip))
          .isZero();
      reasons.keySet().forEach(e -> Webhooks.retire(db, e));
    }
  }

  @Test
  void aNameThatAnswersOtherwiseAtConnectionCannotTakeAWebhookIntoThePlatformsNetwork()
      throws Exception {
    // Production's URL policy, whose lookup answers a public address (TEST-NET-3) for localhost,
    // as a name that rebinds between the check and the connection does: the system's lookup,
    // which the connection would make again were it not given the address checked, answers the
    // loopback, where the https bank listens.
    InetAddress checked = InetAddress.getByName("203.0.113.10");
    QuarkusMock.installMockForType(
        new EndpointUrlPolicy(false, host -> new InetAddress[] {checked}), EndpointUrlPolicy.class);
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, httpsBank, "971025");

    UUID tip = Webhooks.tip(kafka, "971025", "7000000093");

    Map<String, Object> first = firstAttempt(endpoint, tip);
    assertThat(first).containsEntry("status_code", null);
    // Whatever answers at the checked address (nothing, or on this machine's network a TLS
    // server the platform does not trust), it is not the bank on the loopback.
    assertThat((String) first.get("error")).isNotBlank();
    assertThat(endpoint.receiver().deliveries()).isEmpty();
    Webhooks.retire(db, endpoint);
  }

  @Test
  void aBankWithOneAddressOfTwoDownGetsItsWebhookAtTheOtherInTheSameAttempt() throws Exception {
    // The bank's name answers two addresses; nothing listens at the first (the https bank is on
    // 127.0.0.1 only), as when one of a bank's servers is down.
    QuarkusMock.installMockForType(
        answering(InetAddress.getByName("127.0.0.2"), InetAddress.getLoopbackAddress()),
        EndpointUrlPolicy.class);
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, httpsBank, "546034");

    UUID tip = Webhooks.tip(kafka, "546034", "7000000096");

    await().atMost(Duration.ofSeconds(20)).until(() -> !endpoint.receiver().deliveries().isEmpty());
    assertThat(endpoint.receiver().deliveries().get(0).verified()).isTrue();
    Map<String, Object> delivery = Webhooks.deliveryOf(db, tip);
    Webhooks.awaitState(db, delivery.get("id"), "SUCCEEDED", Duration.ofSeconds(10));
    assertThat(Webhooks.attempts(db, endpoint.id()))
        .singleElement()
        .satisfies(a -> assertThat(a).containsEntry("status_code", 200));
    Webhooks.retire(db, endpoint);
  }

  @Test
  void anAddressThatTookNoConnectionIsTriedAfterTheOneThatDid() throws Exception {
    // Something at the bank's first address takes each connection and drops it, as a server that
    // is down behind its address does; the https bank is at the second.
    int port = URI.create(httpsBank.baseUrl()).getPort();
    AtomicInteger dropped = new AtomicInteger();
    try (ServerSocket down = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.2"))) {
      Thread dropping =
          new Thread(
              () -> {
                while (!down.isClosed()) {
                  try (Socket connection = down.accept()) {
                    dropped.incrementAndGet();
                  } catch (IOException e) {
                    return;
                  }
                }
              });
      dropping.setDaemon(true);
      dropping.start();
      QuarkusMock.installMockForType(
          answering(InetAddress.getByName("127.0.0.2"), InetAddress.getLoopbackAddress()),
          EndpointUrlPolicy.class);
      Webhooks.Endpoint endpoint = Webhooks.register(tokens, httpsBank, "796500");

      Webhooks.tip(kafka, "796500", "7000000100");
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> endpoint.receiver().deliveries().size() == 1);
      int droppedBefore = dropped.get();
      Webhooks.tip(kafka, "796500", "7000000101");
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> endpoint.receiver().deliveries().size() == 2);

      // The second webhook went to the address that took the first one's connection.
      assertThat(dropped.get()).isEqualTo(droppedBefore);
      assertThat(endpoint.receiver().deliveries()).allMatch(DemoBank.Delivery::verified);
      Webhooks.retire(db, endpoint);
    }
  }

  @Test
  void anAddressThatDropsConnectionAttemptsDoesNotHoldTheWebhookForItsConnectTimeout()
      throws Exception {
    TestInfrastructure infra = TestInfrastructure.get();
    // A bank of its own, so that no address of this host is remembered from another test.
    try (DemoBank bank =
        DemoBank.startHttps(
            infra.bankCertificate().context(infra.platformCertificate()), "localhost", true)) {
      int port = URI.create(bank.baseUrl()).getPort();
      InetAddress dark = InetAddress.getByName("127.0.0.2");
      // Nothing accepts at the first address and its queue is full, so the kernel drops the
      // connection attempts there without an answer, as a server gone dark behind its address does.
      try (ServerSocket full = new ServerSocket(port, 1, dark);
          QueueFiller filler = QueueFiller.fill(dark, port)) {
        // A first webhook while the name answers the loopback alone leaves a connection open
        // there, so that the attempt below is timed by the order of addresses, not a handshake.
        QuarkusMock.installMockForType(
            answering(InetAddress.getLoopbackAddress()), EndpointUrlPolicy.class);
        Webhooks.Endpoint endpoint = Webhooks.register(tokens, bank, "546034");
        Webhooks.tip(kafka, "546034", "7000000102");
        assertThat(Webhooks.attempt(db, endpoint.id(), 0)).containsEntry("status_code", 200);

        QuarkusMock.installMockForType(
            answering(dark, InetAddress.getLoopbackAddress()), EndpointUrlPolicy.class);
        Webhooks.tip(kafka, "546034", "7000000103");

        Map<String, Object> second = Webhooks.attempt(db, endpoint.id(), 1);
        assertThat(second).containsEntry("status_code", 200);
        // Tried beside the dark address after the delay, not after its connect timeout (1 s in
        // tests), which the old one-after-the-other order had to wait out.
        assertThat((Long) second.get("latency_ms")).isLessThan(connectTimeout.toMillis());
        assertThat(endpoint.receiver().deliveries())
            .hasSize(2)
            .allMatch(DemoBank.Delivery::verified);
        Webhooks.retire(db, endpoint);
      }
    }
  }

  /** Connections that fill a listening socket's accept queue, which nothing takes from. */
  private record QueueFiller(List<Socket> sockets) implements AutoCloseable {
    static QueueFiller fill(InetAddress address, int port) throws IOException {
      List<Socket> sockets = new ArrayList<>();
      // Until one is not answered: then the queue is full (a backlog of 1 queues two or so).
      for (int i = 0; i < 16; i++) {
        Socket socket = new Socket();
        sockets.add(socket);
        try {
          socket.connect(new InetSocketAddress(address, port), 200);
        } catch (SocketTimeoutException e) {
          return new QueueFiller(sockets);
        }
      }
      throw new IllegalStateException(
          "the accept queue at " + address + ":" + port + " never filled");
    }

    @Override
    public void close() throws IOException {
      for (Socket socket : sockets) {
        socket.close();
      }
    }
  }

  @Test
  void whenEveryAddressOfABankFailsTheAttemptSaysWhyForEach() throws Exception {
    QuarkusMock.installMockForType(
        answering(InetAddress.getByName("127.0.0.2"), InetAddress.getByName("127.0.0.3")),
        EndpointUrlPolicy.class);
    Webhooks.Endpoint endpoint = Webhooks.register(tokens, httpsBank, "546035");

    UUID tip = Webhooks.tip(kafka, "546035", "7000000097");

    Map<String, Object> first = firstAttempt(endpoint, tip);
    assertThat(first).containsEntry("status_code", null);
    assertThat((String) first.get("error"))
        .startsWith("every address failed: 127.0.0.2 (")
        .contains(", 127.0.0.3 (")
        .contains("Connection refused");
    assertThat(endpoint.receiver().deliveries()).isEmpty();
    Webhooks.retire(db, endpoint);
  }

  @Test
  void aRenewedTrustStoreAppliesToTheNextConnectionsWithoutARestart(@TempDir Path dir)
      throws Exception {
    TestInfrastructure infra = TestInfrastructure.get();
    TestCertificate renewed = TestCertificate.create(dir, "renewed-bank", "localhost");
    try (TrustFile trust = new TrustFile();
        DemoBank renewedBank =
            DemoBank.startHttps(renewed.context(infra.platformCertificate()), "localhost", true)) {
      Webhooks.Endpoint endpoint = Webhooks.register(tokens, renewedBank, "668888");
      UUID untrusted = Webhooks.tip(kafka, "668888", "7000000098");
      assertThat((String) firstAttempt(endpoint, untrusted).get("error")).contains("PKIX path");

      // The bank's new certificate added to the file the configuration names, and the
      // configuration reloaded, as quarkus.tls.<name>.reload-period does.
      trust.add(renewed);

      UUID trustedNow = Webhooks.tip(kafka, "668888", "7000000099");
      String webhookId = (String) Webhooks.deliveryOf(db, trustedNow).get("webhook_id");
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> !endpoint.receiver().deliveries(webhookId).isEmpty());
      assertThat(endpoint.receiver().deliveries(webhookId).get(0).verified()).isTrue();
      Webhooks.retire(db, endpoint);
    }
  }

  @Test
  void anAuthorityDroppedFromTheTrustStoreCarriesNoWebhookOnTheConnectionsLeftOpen(
      @TempDir Path dir) throws Exception {
    TestInfrastructure infra = TestInfrastructure.get();
    TestCertificate dropped = TestCertificate.create(dir, "dropped-bank", "localhost");
    try (TrustFile trust = new TrustFile();
        DemoBank droppedBank =
            DemoBank.startHttps(dropped.context(infra.platformCertificate()), "localhost", true)) {
      trust.add(dropped);
      Webhooks.Endpoint endpoint = Webhooks.register(tokens, droppedBank, "801011");
      UUID whileTrusted = Webhooks.tip(kafka, "801011", "7000000100");
      String webhookId = (String) Webhooks.deliveryOf(db, whileTrusted).get("webhook_id");
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> !endpoint.receiver().deliveries(webhookId).isEmpty());

      // The authority dropped again, as after a compromise: the connection the first webhook
      // left open (kept alive, both sides) must not carry the next one.
      trust.restore();
      UUID afterDrop = Webhooks.tip(kafka, "801011", "7000000101");
      Webhooks.deliveryOf(db, afterDrop);
      assertThat((String) Webhooks.attempt(db, endpoint.id(), 1).get("error"))
          .contains("PKIX path");
      assertThat(endpoint.receiver().deliveries()).hasSize(1);
      Webhooks.retire(db, endpoint);
    }
  }

  @Test
  void aReloadThatChangedNoCertificateKeepsTheClientAndItsConnections(@TempDir Path dir)
      throws Exception {
    HttpClient before = sender.client();
    reloadBanksTls();
    assertThat(sender.client()).isSameAs(before);

    try (TrustFile trust = new TrustFile()) {
      trust.add(TestCertificate.create(dir, "added-authority", "localhost"));
      assertThat(sender.client()).isNotSameAs(before).isNotNull();
    }
  }

  /**
   * The file of the banks' authorities that the test application's TLS configuration names: edited
   * and reloaded (as {@code reload-period} would), and restored when closed.
   */
  private final class TrustFile implements AutoCloseable {
    private final Path path = TestInfrastructure.get().bankCertificate().pem();
    private final String original;

    TrustFile() throws IOException {
      original = Files.readString(path);
    }

    /** The certificate trusted beside the original authorities. */
    void add(TestCertificate certificate) throws IOException {
      Files.writeString(path, original + "\n" + Files.readString(certificate.pem()));
      reloadBanksTls();
    }

    /** The original authorities alone again. */
    void restore() throws IOException {
      Files.writeString(path, original);
      reloadBanksTls();
    }

    @Override
    public void close() throws IOException {
      restore();
    }
  }

  private void reloadBanksTls() {
    TlsConfiguration banks = registry.get(HttpsBankTestResource.TLS_CONFIGURATION).orElseThrow();
    assertThat(banks.reload()).isTrue();
    certificateUpdated.fire(
        new CertificateUpdatedEvent(HttpsBankTestResource.TLS_CONFIGURATION, banks));
  }

  /**
   * Production's URL policy whose check of every name answers {@code addresses}, as a bank's name
   * servers would; local ones too, since the bank in tests is on the loopback.
   */
  private static EndpointUrlPolicy answering(InetAddress... addresses) {
    return new EndpointUrlPolicy(
        false,
        host -> {
          throw new UnknownHostException("not consulted: the addresses are given");
        }) {
      @Override
      public List<InetAddress> checkAddresses(URI uri) {
        return List.of(addresses);
      }
    };
  }

  /** The first attempt to the endpoint, once the tip's delivery has one. */
  private Map<String, Object> firstAttempt(Webhooks.Endpoint endpoint, UUID tip) {
    Webhooks.deliveryOf(db, tip);
    return Webhooks.firstAttempt(db, endpoint.id());
  }
}
