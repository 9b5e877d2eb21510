package io.fraudtip.localstack.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fraudtip.contracts.Json;
import io.fraudtip.localstack.bank.DemoBank;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo bank's endpoints against notification-service's endpoint API, played by a small HTTP
 * server that lists what the test says it holds and records what it is asked.
 */
class DemoBankSetupTest {
  static final String BIN = "970436";

  @TempDir Path home;
  DemoBank bank;
  HttpServer service;
  final List<String> asked = new ArrayList<>();

  /** The endpoints the service lists for the bank, as its JSON. */
  volatile String listed = "[]";

  @BeforeEach
  void start() throws IOException {
    bank = DemoBank.start();
    service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    service.createContext("/api/v1/endpoints", this::answer);
    service.start();
  }

  @AfterEach
  void stop() {
    service.stop(0);
    bank.close();
  }

  @Test
  void aKeptEndpointTheServiceNoLongerHasIsRegisteredAnew() throws Exception {
    // A stack that ran before on another database: its file names an endpoint this one lacks.
    keep("whsec_old");

    register();

    assertThat(asked).containsExactly("GET bankBin=" + BIN, "POST");
    assertThat(kept().path(BIN).path("secret").asText()).isEqualTo("whsec_new");
  }

  @Test
  void aKeptEndpointTheServiceListsIsReusedAsItIs() throws Exception {
    keep("whsec_old");
    listed = endpointsAt(DemoBankSetup.EVENT_TYPES);

    register();

    assertThat(asked).containsExactly("GET bankBin=" + BIN);
    assertThat(kept().path(BIN).path("secret").asText()).isEqualTo("whsec_old");
  }

  @Test
  void aKeptEndpointForFewerTypesIsSubscribedToTheRest() throws Exception {
    keep("whsec_old");
    listed = endpointsAt(List.of("account.reported"));

    register();

    assertThat(asked).containsExactly("GET bankBin=" + BIN, "PATCH ep-1");
    assertThat(kept().path(BIN).path("secret").asText()).isEqualTo("whsec_old");
  }

  private void register() throws Exception {
    DemoBankSetup.register(
        bank,
        home,
        "http://127.0.0.1:" + service.getAddress().getPort(),
        "operator-token",
        List.of(BIN));
  }

  private void keep(String secret) throws IOException {
    Files.writeString(
        home.resolve(DemoBankSetup.FILE),
        Json.write(
            Map.of(
                BIN,
                Map.of(
                    "url",
                    bank.receiver(BIN).url(),
                    "secret",
                    secret,
                    "eventTypes",
                    DemoBankSetup.EVENT_TYPES))));
  }

  private String endpointsAt(List<String> types) {
    return Json.write(
        List.of(Map.of("id", "ep-1", "url", bank.receiver(BIN).url(), "eventTypes", types)));
  }

  private JsonNode kept() throws IOException {
    return Json.events().readTree(home.resolve(DemoBankSetup.FILE).toFile());
  }

  private void answer(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    String body;
    int status;
    switch (method) {
      case "GET" -> {
        asked.add("GET " + exchange.getRequestURI().getQuery());
        status = 200;
        body = listed;
      }
      case "POST" -> {
        asked.add("POST");
        status = 201;
        body = Json.write(Map.of("id", "ep-2", "secret", "whsec_new"));
      }
      case "PATCH" -> {
        asked.add("PATCH " + path.substring(path.lastIndexOf('/') + 1));
        status = 200;
        body = "{}";
      }
      default -> {
        status = 405;
        body = "";
      }
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
