package io.fraudtip.notification.webhook;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudtip.notification.config.WebhookConfig;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.tls.BaseTlsConfiguration;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The TLS configuration of the connections to banks is refused at start where it would not check
 * banks' certificates, or names none that exists (HttpsDeliveryTest has the ones that work).
 */
class WebhookSenderTlsTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  @Test
  void aNameThatNoTlsConfigurationHasIsRefused() {
    assertThatThrownBy(() -> sender(Map.of()).open())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no quarkus.tls.banks.* configures it");
  }

  @Test
  void aConfigurationThatTrustsEveryCertificateIsRefused() {
    TlsConfiguration trustAll =
        new BaseTlsConfiguration() {
          @Override
          public boolean isTrustAll() {
            return true;
          }
        };
    assertThatThrownBy(() -> sender(Map.of("banks", trustAll)).open())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("quarkus.tls.banks.trust-all is refused");
  }

  private WebhookSender sender(Map<String, TlsConfiguration> configurations) {
    WebhookConfig config =
        new SmallRyeConfigBuilder()
            .withMapping(WebhookConfig.class)
            // Quarkus's form of durations (72h), which plain SmallRye Config does not read.
            .withConverter(Duration.class, 200, new DurationConverter())
            .withDefaultValue("fraudtip.webhooks.secret-key", "unused")
            .withDefaultValue("fraudtip.webhooks.tls-configuration-name", "banks")
            .build()
            .getConfigMapping(WebhookConfig.class);
    TlsConfigurationRegistry registry =
        new TlsConfigurationRegistry() {
          @Override
          public Optional<TlsConfiguration> get(String name) {
            return Optional.ofNullable(configurations.get(name));
          }

          @Override
          public Optional<TlsConfiguration> getDefault() {
            return Optional.empty();
          }

          @Override
          public void register(String name, TlsConfiguration configuration) {
            throw new UnsupportedOperationException();
          }
        };
    return new WebhookSender(
        config,
        new EndpointUrlPolicy(false, host -> new InetAddress[0]),
        OpenTelemetry.noop(),
        vertx,
        registry);
  }
}
