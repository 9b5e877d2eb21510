package io.fraudtip.loadtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.fraudtip.contracts.webhooks.WebhookSignature;
import io.fraudtip.localstack.bank.DemoBank;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The benchmark's reading of what the demo bank received, through the bank child's endpoint. */
class TipToWebhookTest {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @Test
  void readsEveryPageAndTheBankForgetsWhatWasRead() throws Exception {
    String secret = WebhookSignature.newSecret(32);
    try (DemoBank bank = DemoBank.start()) {
      DemoBank.Receiver receiver = bank.receiver("970422").secrets(secret);
      HttpServer stats = BenchChild.deliveries(bank, 0);
      try {
        Map<String, Instant> tips = new HashMap<>();
        for (int i = 0; i < 7; i++) {
          String tipId = UUID.randomUUID().toString();
          tips.put(tipId, Instant.now());
          post(receiver, secret, "msg_" + i, "{\"tipId\":\"" + tipId + "\"}");
        }
        String url = "http://127.0.0.1:" + stats.getAddress().getPort() + "/deliveries/970422";
        TipToWebhook follow = new TipToWebhook(url, 3);

        assertThat(follow.delivered(tips)).as("pages of 3, 3 and 1").isEqualTo(7);
        assertThat(follow.latencies(tips).count()).isEqualTo(7);
        // each call asks from what it has read: the bank holds nothing already read
        assertThat(receiver.deliveriesFrom(0)).isEmpty();
        post(receiver, secret, "msg_7", "{\"tipId\":\"" + UUID.randomUUID() + "\"}");
        assertThat(receiver.deliveriesFrom(7)).hasSize(1);
      } finally {
        stats.stop(0);
      }
    }
  }

  private static void post(DemoBank.Receiver receiver, String secret, String id, String body)
      throws Exception {
    HttpResponse<String> r =
        CLIENT.send(
            receiver.signedDelivery(secret, id, body).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
  }
}
