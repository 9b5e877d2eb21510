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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo bank of a local stack: one receiver per seeded bank, each registered as that bank's
 * webhook endpoint for every event type notification-service sends. Secrets are shown once by the
 * service, so they are kept in the stack's home ({@code demo-bank.json}) and reused after a
 * restart. A kept endpoint is reused only if notification-service still lists it (its database may
 * be new: another {@code --postgres-url}, or wiped), else it is registered anew; one registered by
 * an older stack for fewer types is subscribed to the rest.
 */
public final class DemoBankSetup {
  static final String FILE = "demo-bank.json";

  /** Every event type a bank's endpoint can take (notification-service's {@code Alert.TYPES}). */
  public static final List<String> EVENT_TYPES =
      List.of(
          "account.reported",
          "case.linked",
          "account.traced",
          "freeze.requested",
          "case.confirmed",
          "alert.retracted",
          "hold.extended",
          "hold.lifted",
          "hold.expired",
          "endpoint.disabled");

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
    Endpoints endpoints = new Endpoints(notificationUrl, operatorToken);
    for (String bin : bins) {
      DemoBank.Receiver receiver = bank.receiver(bin);
      JsonNode known = kept.get(bin);
      if (known != null
          && receiver.url().equals(known.path("url").asText())
          && endpoints.keep(bin, receiver.url())) {
        receiver.secrets(known.path("secret").asText());
        ((ObjectNode) known).set("eventTypes", Json.events().valueToTree(EVENT_TYPES));
        continue;
      }
      String secret = endpoints.create(bin, receiver.url());
      receiver.secrets(secret);
      kept.putObject(bin)
          .put("url", receiver.url())
          .put("secret", secret)
          .set("eventTypes", Json.events().valueToTree(EVENT_TYPES));
    }
    Files.writeString(
        file, Json.events().writerWithDefaultPrettyPrinter().writeValueAsString(kept) + "\n");
  }

  /** notification-service's endpoint API, as the operator. */
  private static final class Endpoints {
    private final HttpClient http =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String operatorToken;

    Endpoints(String notificationUrl, String operatorToken) {
      this.base = notificationUrl + "/api/v1/endpoints";
      this.operatorToken = operatorToken;
    }

    /** Registers the bank's endpoint at {@code url}; its secret. */
    String create(String bin, String url) throws IOException, InterruptedException {
      String body =
          Json.write(
              Map.of(
                  "bankBin",
                  bin,
                  "url",
                  url,
                  "eventTypes",
                  EVENT_TYPES,
                  "description",
                  "Demo bank of the local stack"));
      HttpResponse<String> answer = send("POST", base, body);
      if (answer.statusCode() != 201) {
        throw new StackException(
            "could not register the demo bank's endpoint for "
                + bin
                + ": "
                + answer.statusCode()
                + " "
                + answer.body());
      }
      return Json.events().readTree(answer.body()).path("secret").asText();
    }

    /**
     * Keeps the bank's endpoints at {@code url}, subscribing any registered for fewer types to
     * every type.
     *
     * @return false when notification-service lists none there (it is registered anew)
     */
    boolean keep(String bin, String url) throws IOException, InterruptedException {
      HttpResponse<String> listed = send("GET", base + "?bankBin=" + bin, null);
      if (listed.statusCode() != 200) {
        throw new StackException(
            "could not list the endpoints of bank " + bin + ": " + listed.statusCode());
      }
      boolean found = false;
      for (JsonNode e : Json.events().readTree(listed.body())) {
        if (!url.equals(e.path("url").asText())) {
          continue;
        }
        found = true;
        List<String> types = new ArrayList<>();
        e.path("eventTypes").forEach(t -> types.add(t.asText()));
        if (types.containsAll(EVENT_TYPES)) {
          continue;
        }
        HttpResponse<String> changed =
            send(
                "PATCH",
                base + "/" + e.path("id").asText(),
                Json.write(Map.of("eventTypes", EVENT_TYPES)));
        if (changed.statusCode() != 200) {
          throw new StackException(
              "could not subscribe the demo bank's endpoint for "
                  + bin
                  + " to every event type: "
                  + changed.statusCode()
                  + " "
                  + changed.body());
        }
      }
      return found;
    }

    private HttpResponse<String> send(String method, String uri, String body)
        throws IOException, InterruptedException {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(uri))
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", "Bearer " + operatorToken);
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body));
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}
