package io.fraudtip.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudtip.contracts.webhooks.WebhookSignature;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SigningSecretsTest {
  static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
  static final String OTHER_KEY =
      Base64.getEncoder().encodeToString("another-key-of-thirty-two-bytes!".getBytes());

  @Test
  void aSealedSecretOpensOnlyForItsEndpointAndUnderItsKey() {
    SigningSecrets secrets = new SigningSecrets(KEY);
    UUID endpoint = UUID.randomUUID();
    String secret = WebhookSignature.newSecret(32);

    String sealed = secrets.seal(endpoint, secret);
    assertThat(sealed).startsWith("v1.").doesNotContain(secret.substring("whsec_".length()));
    assertThat(secrets.seal(endpoint, secret)).isNotEqualTo(sealed); // a fresh nonce each time
    assertThat(secrets.open(endpoint, sealed)).isEqualTo(secret);
    assertThatThrownBy(() -> secrets.open(UUID.randomUUID(), sealed))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new SigningSecrets(OTHER_KEY).open(endpoint, sealed))
        .isInstanceOf(IllegalStateException.class);

    // Opened before (and kept, by endpoint and sealed value: the refusals above came after), it
    // opens again; a rotated secret, a new sealed value, opens as itself.
    assertThat(secrets.open(endpoint, sealed)).isEqualTo(secret);
    String rotated = WebhookSignature.newSecret(32);
    assertThat(secrets.open(endpoint, secrets.seal(endpoint, rotated))).isEqualTo(rotated);
    assertThat(secrets.open(endpoint, sealed)).isEqualTo(secret);
  }

  @Test
  void aSecretStillInTheClearOpensAsItself() {
    SigningSecrets secrets = new SigningSecrets(KEY);
    String secret = WebhookSignature.newSecret(24);
    assertThat(secrets.open(UUID.randomUUID(), secret)).isEqualTo(secret);
    assertThat(secrets.open(UUID.randomUUID(), null)).isNull();
  }

  @Test
  void aKeyOfTheWrongLengthIsRefused() {
    assertThatThrownBy(() -> new SigningSecrets(Base64.getEncoder().encodeToString(new byte[16])))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("32 bytes");
  }
}
