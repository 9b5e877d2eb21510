package io.fraudtip.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Posts a JSON body of unknown length ({@code Transfer-Encoding: chunked}, no {@code
 * Content-Length}), as a client streaming its body does: size limits must hold for it too.
 */
public final class ChunkedPost {
  private ChunkedPost() {}

  /** The answer's status code. */
  public static int status(URI uri, String json) throws IOException, InterruptedException {
    return status(uri, json, null);
  }

  /** The answer's status code, with a bearer token when one is given. */
  public static int status(URI uri, String json, String bearer)
      throws IOException, InterruptedException {
    return answer(uri, json, bearer).statusCode();
  }

  /** The whole answer, with a bearer token when one is given. */
  public static HttpResponse<String> answer(URI uri, String json, String bearer)
      throws IOException, InterruptedException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
