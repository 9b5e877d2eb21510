package io.fraudtip.localstack.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fraudtip.contracts.Json;
import io.fraudtip.localstack.bank.DemoBank;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The demo bank of a local stack: one receiver per seeded bank, each registered as that bank's
 * webhook endpoint. Secrets are shown once by the service, so they are kept in the stack's home
 * ({@code demo-bank.json}) and reused after a restart.
 */
public final class DemoBankSetup {
  static final String FILE = "demo-bank.json";
  static final List<String> EVENT_TYPES =
      List.of(
          "account.reported",
          "account.traced",
          "freeze.requested",
          "case.confirmed",
          "alert.retracted",
          "hold.extended",
          "hold.lifted",
          "hold.expired");

  private DemoBankSetup() {}

  /** Registers a receiver per bank as its webhook endpoint (or reuses the kept secrets). */
  public static void register(
      DemoBank bank, Path home, String notificationUrl, String operatorToken, List<String> bins)
      throws IOException, InterruptedException {
    Path file = home.resolve(FILE);
    ObjectNode kept =
        Files.exists(file)
            ? (ObjectNode) Json.events().readTree(file.toFile())
            : Json.events().createObjectNode();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    for (String bin : bins) {
      DemoBank.Receiver receiver = bank.receiver(bin);
      JsonNode known = kept.get(bin);
      if (known != null && receiver.url().equals(known.path("url").asText())) {
        receiver.secrets(known.path("secret").asText());
        continue;
      }
      String body =
          Json.write(
              Map.of(
                  "bankBin",
                  bin,
                  "url",
                  receiver.url(),
                  "eventTypes",
                  EVENT_TYPES,
                  "description",
                  "Demo bank of the local stack"));
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(URI.create(notificationUrl + "/api/v1/endpoints"))
                  .header("Authorization", "Bearer " + operatorToken)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 201) {
        throw new StackException(
            "could not register the demo bank's endpoint for "
                + bin
                + ": "
                + answer.statusCode()
                + " "
                + answer.body());
      }
      String secret = Json.events().readTree(answer.body()).path("secret").asText();
      receiver.secrets(secret);
      kept.putObject(bin).put("url", receiver.url()).put("secret", secret);
    }
    Files.writeString(
        file, Json.events().writerWithDefaultPrettyPrinter().writeValueAsString(kept) + "\n");
  }
}
