package io.fraudtip.cases.contact;

import io.fraudtip.cases.api.ContactViews.ReporterContact;
import io.fraudtip.cases.config.ContactConfig;
import io.fraudtip.commons.security.ServiceSignatures;
import io.fraudtip.contracts.Json;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Asks intake, which alone holds reporters' sealed data, for one tip's contact: a call signed with
 * the key the two services share ({@link ServiceSignatures}), naming the access-log entry, the case
 * and the reader, so that intake checks and records it on its own.
 */
// Made at start-up, so that a malformed key fails the start with the setting's name.
@Startup
@ApplicationScoped
public class IntakeContacts {
  static final String KEY_SETTING = "fraudtip.contact-reads.key";

  /**
   * What intake answered: DISCLOSED with the contact, ANONYMOUS (no contact), REFUSED (intake does
   * not see the tip in the case: it follows cases.v1 and may lag a moment) or FAILED with why.
   */
  public record Answer(ContactRead.Outcome outcome, ReporterContact contact, String why) {
    static Answer of(ContactRead.Outcome outcome) {
      return new Answer(outcome, null, null);
    }

    static Answer failed(String why) {
      return new Answer(ContactRead.Outcome.FAILED, null, why);
    }
  }

  private final ContactConfig config;
  private final Optional<ServiceSignatures> signatures;
  private final HttpClient http;

  IntakeContacts(ContactConfig config) {
    this.config = config;
    this.signatures =
        config.key().filter(k -> !k.isBlank()).map(k -> new ServiceSignatures(k, KEY_SETTING));
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(config.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Whether contact reads are configured at all. */
  public boolean enabled() {
    return signatures.isPresent();
  }

  /** Intake's answer for one logged read. */
  public Answer fetch(ContactRead read) {
    ServiceSignatures keys = signatures.orElseThrow();
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("readId", read.id);
    request.put("caseReference", read.caseReference);
    request.put("unitCode", read.unitCode);
    request.put("officer", read.subject);
    try {
      String body = Json.events().writeValueAsString(request);
      long now = Instant.now().getEpochSecond();
      HttpRequest call =
          HttpRequest.newBuilder(uri(read.tipId))
              .timeout(config.timeout())
              .header("Content-Type", "application/json")
              .header(ServiceSignatures.TIMESTAMP, Long.toString(now))
              .header(ServiceSignatures.SIGNATURE, keys.sign(now, body))
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      HttpResponse<String> answer = http.send(call, HttpResponse.BodyHandlers.ofString());
      return switch (answer.statusCode()) {
        case 200 ->
            new Answer(
                ContactRead.Outcome.DISCLOSED,
                Json.events().readValue(answer.body(), ReporterContact.class),
                null);
        case 404 ->
            Answer.of(
                answer.body().contains("anonymous-tip")
                    ? ContactRead.Outcome.ANONYMOUS
                    : ContactRead.Outcome.REFUSED);
        default -> Answer.failed("intake answered " + answer.statusCode());
      };
    } catch (IOException e) {
      return Answer.failed("intake unreachable: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Answer.failed("interrupted");
    }
  }

  private URI uri(UUID tipId) {
    String base = config.intakeUrl().toString().replaceAll("/+$", "");
    return URI.create(base + "/internal/v1/tips/" + tipId + "/contact");
  }
}
