package io.fraudtip.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudtip.notification.config.WebhookConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.tls.BaseTlsConfiguration;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.TrustOptions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The TLS configuration of the connections to banks: its trust and key stores go to the client, and
 * it is refused at start where it would not check banks' certificates or names none that exists
 * (HttpsDeliveryTest delivers with it).
 */
class WebhookSenderTlsTest {
  @Test
  void theNamedConfigurationsTrustAndKeyStoresGoToTheClient() {
    PemTrustOptions trust = new PemTrustOptions().addCertPath("bank-ca.pem");
    PemKeyCertOptions key = new PemKeyCertOptions().setCertPath("c.pem").setKeyPath("k.pem");
    TlsConfiguration banks =
        new BaseTlsConfiguration() {
          @Override
          public TrustOptions getTrustStoreOptions() {
            return trust;
          }

          @Override
          public KeyCertOptions getKeyStoreOptions() {
            return key;
          }
        };
    HttpClientOptions options = options(Map.of("banks", banks));
    assertThat(options.getTrustOptions()).isEqualTo(trust);
    assertThat(options.getKeyCertOptions()).isEqualTo(key);
    assertThat(options.isTrustAll()).isFalse();
    assertThat(options.isVerifyHost()).isTrue();
  }

  @Test
  void aNameThatNoTlsConfigurationHasIsRefused() {
    assertThatThrownBy(() -> options(Map.of()))
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
    assertThatThrownBy(() -> options(Map.of("banks", trustAll)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("quarkus.tls.banks.trust-all is refused");
  }

  private static HttpClientOptions options(Map<String, TlsConfiguration> configurations) {
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
    return WebhookSender.clientOptions(config, registry);
  }
}
