package io.fraudtip.testsupport;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends a request line exactly as written, which HTTP clients refuse to do when its target is not a
 * valid URI (a bad {@code %}-escape, a {@code |}): what an attacker's or a careless client's
 * request looks like on the wire.
 *
 * @param status the answer's status code
 * @param headers the answer's headers, names in lower case
 * @param body the answer's body, as UTF-8
 */
public record RawRequest(int status, Map<String, String> headers, String body) {

  /** A GET of {@code target} on localhost, with the given request headers. */
  public static RawRequest get(int port, String target, Map<String, String> headers)
      throws IOException {
    return send(port, "GET", target, headers, null);
  }

  /** A request on localhost; a body, when given, is sent with its length. */
  public static RawRequest send(
      int port, String method, String target, Map<String, String> headers, String body)
      throws IOException {
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder request =
        new StringBuilder(method)
            .append(' ')
            .append(target)
            .append(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
    headers.forEach(
        (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
    if (body != null) {
      request.append("Content-Length: ").append(content.length).append("\r\n");
    }
    request.append("\r\n");
    return exchange(port, request.toString(), content);
  }

  /**
   * Sends {@code head} (request line and headers, with the blank line that ends them) and {@code
   * body} as they are, and reads the answer until the server closes the connection.
   */
  public static RawRequest exchange(int port, String head, byte[] body) throws IOException {
    return exchange(port, head, body, body.length, () -> {});
  }

  /**
   * As {@link #exchange(int, String, byte[])}, but runs {@code midway} once {@code pauseAt} bytes
   * of the body are sent: a request under way, its head read and its body not yet whole.
   */
  public static RawRequest exchange(
      int port, String head, byte[] body, int pauseAt, Runnable midway) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      var out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.UTF_8));
      out.write(body, 0, pauseAt);
      out.flush();
      midway.run();
      out.write(body, pauseAt, body.length - pauseAt);
      return parse(socket.getInputStream().readAllBytes());
    }
  }

  /** The answer; status 0 when the connection closed without one. */
  private static RawRequest parse(byte[] answer) {
    if (answer.length == 0) {
      return new RawRequest(0, Map.of(), "");
    }
    String text = new String(answer, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
    }
    return new RawRequest(status, headers, end < 0 ? "" : text.substring(end + 4));
  }
}
