package io.fraudtip.contracts.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  // The test vector published with the Standard Webhooks specification.
  static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  static final long TIMESTAMP = 1614265330;
  static final String BODY = "{\"test\": 2432232314}";
  static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
  static final Instant THEN = Instant.ofEpochSecond(TIMESTAMP);

  @Test
  void reproducesThePublishedTestVector() {
    assertThat(WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY)).isEqualTo(EXPECTED);
  }

  @Test
  void verifiesThePublishedTestVectorAndRefusesAnyChange() {
    Duration tolerance = WebhookSignature.DEFAULT_TOLERANCE;
    String ts = Long.toString(TIMESTAMP);
    assertThat(WebhookSignature.verify(SECRET, ID, ts, BODY, EXPECTED, THEN, tolerance)).isTrue();
    assertThat(WebhookSignature.verify(SECRET, ID, ts, BODY + " ", EXPECTED, THEN, tolerance))
        .isFalse();
    assertThat(WebhookSignature.verify(SECRET, "msg_other", ts, BODY, EXPECTED, THEN, tolerance))
        .isFalse();
    assertThat(
            WebhookSignature.verify(
                SECRET, ID, Long.toString(TIMESTAMP + 1), BODY, EXPECTED, THEN, tolerance))
        .isFalse();
    String otherSecret = WebhookSignature.newSecret(32);
    assertThat(WebhookSignature.verify(otherSecret, ID, ts, BODY, EXPECTED, THEN, tolerance))
        .isFalse();
    // Too old for the receiver's clock: a replayed capture is refused.
    assertThat(
            WebhookSignature.verify(
                SECRET, ID, ts, BODY, EXPECTED, THEN.plus(Duration.ofMinutes(6)), tolerance))
        .isFalse();
  }

  @Test
  void duringARotationBothSignaturesAreSentAndEitherSecretVerifies() {
    String next = WebhookSignature.newSecret(32);
    String header = WebhookSignature.header(List.of(next, SECRET), ID, TIMESTAMP, BODY);
    assertThat(header.split(" "))
        .containsExactly(WebhookSignature.sign(next, ID, TIMESTAMP, BODY), EXPECTED);
    String ts = Long.toString(TIMESTAMP);
    Duration tolerance = WebhookSignature.DEFAULT_TOLERANCE;
    assertThat(WebhookSignature.verify(SECRET, ID, ts, BODY, header, THEN, tolerance)).isTrue();
    assertThat(WebhookSignature.verify(next, ID, ts, BODY, header, THEN, tolerance)).isTrue();
  }

  @Test
  void newSecretsHaveTheAllowedLengthAndPrefix() {
    String secret = WebhookSignature.newSecret(24);
    assertThat(secret).startsWith("whsec_");
    assertThat(WebhookSignature.key(secret)).hasSize(24);
    assertThat(Base64.getDecoder().decode(WebhookSignature.newSecret(64).substring(6))).hasSize(64);
    assertThat(WebhookSignature.newSecret(32)).isNotEqualTo(WebhookSignature.newSecret(32));
    assertThatThrownBy(() -> WebhookSignature.newSecret(23))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WebhookSignature.newSecret(65))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
