package io.fraudtip.localstack.bank;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudtip.contracts.webhooks.WebhookSignature;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoBankTest {
  static DemoBank bank;
  static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    bank = DemoBank.start();
  }

  @AfterAll
  static void stop() {
    bank.close();
  }

  @Test
  void verifiesSignaturesAndFollowsItsScript() throws Exception {
    String secret = WebhookSignature.newSecret(32);
    DemoBank.Receiver receiver = bank.receiver("scripted").secrets(secret);
    receiver.answer(500, 2).answerRetryAfter(429, "7", 1);

    assertThat(post(receiver, secret, "msg_1").statusCode()).isEqualTo(500);
    assertThat(post(receiver, secret, "msg_1").statusCode()).isEqualTo(500);
    HttpResponse<String> limited = post(receiver, secret, "msg_1");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).contains("7");
    assertThat(post(receiver, secret, "msg_1").statusCode()).isEqualTo(200);
    assertThat(post(receiver, WebhookSignature.newSecret(32), "msg_2").statusCode()).isEqualTo(401);

    assertThat(receiver.deliveries("msg_1"))
        .extracting(DemoBank.Delivery::answered)
        .containsExactly(500, 500, 429, 200);
    assertThat(receiver.deliveries("msg_1")).allMatch(DemoBank.Delivery::verified);
    assertThat(receiver.deliveries("msg_2")).noneMatch(DemoBank.Delivery::verified);
  }

  @Test
  void aReceiverToldNeverToAnswerHoldsTheRequest() throws Exception {
    String secret = WebhookSignature.newSecret(32);
    DemoBank.Receiver receiver = bank.receiver("silent").secrets(secret).neverAnswer();
    // Asynchronous and without a short client timeout: on a loaded machine a 500 ms timeout can
    // expire before the request even reaches the receiver, which proves nothing either way.
    CompletableFuture<HttpResponse<String>> answer =
        CLIENT.sendAsync(
            request(receiver, secret, "msg_3", Duration.ofSeconds(60)),
            HttpResponse.BodyHandlers.ofString());
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (receiver.deliveries("msg_3").isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(receiver.deliveries("msg_3")).hasSize(1);
    Thread.sleep(300);
    assertThat(answer).as("the silent receiver answered").isNotDone();
    answer.cancel(true);
    receiver.reset();
    assertThat(post(receiver, secret, "msg_4").statusCode()).isEqualTo(200);
  }

  @Test
  void pagesAndForgetsDeliveriesKeepingTheirIndexes() throws Exception {
    String secret = WebhookSignature.newSecret(32);
    DemoBank.Receiver receiver = bank.receiver("paged").secrets(secret);
    for (int i = 0; i < 5; i++) {
      post(receiver, secret, "msg_p" + i);
    }

    assertThat(receiver.deliveriesFrom(1, 2))
        .extracting(DemoBank.Delivery::webhookId)
        .containsExactly("msg_p1", "msg_p2");
    receiver.forgetBefore(3);
    assertThat(receiver.deliveriesFrom(0))
        .extracting(DemoBank.Delivery::webhookId)
        .containsExactly("msg_p3", "msg_p4");
    assertThat(receiver.deliveriesFrom(4, 10))
        .extracting(DemoBank.Delivery::webhookId)
        .containsExactly("msg_p4");
    post(receiver, secret, "msg_p5");
    receiver.forgetBefore(2);
    assertThat(receiver.deliveriesFrom(5, 10))
        .extracting(DemoBank.Delivery::webhookId)
        .containsExactly("msg_p5");
    receiver.forgetBefore(100);
    assertThat(receiver.deliveriesFrom(0)).isEmpty();
    post(receiver, secret, "msg_p6");
    assertThat(receiver.deliveriesFrom(6, 10))
        .extracting(DemoBank.Delivery::webhookId)
        .containsExactly("msg_p6");
  }

  private static HttpResponse<String> post(DemoBank.Receiver receiver, String secret, String id)
      throws Exception {
    return CLIENT.send(
        request(receiver, secret, id, Duration.ofSeconds(5)), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest request(
      DemoBank.Receiver receiver, String secret, String id, Duration timeout) {
    return receiver
        .signedDelivery(secret, id, "{\"type\":\"account.reported\"}")
        .timeout(timeout)
        .build();
  }
}
