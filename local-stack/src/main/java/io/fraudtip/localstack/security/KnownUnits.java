package io.fraudtip.localstack.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.places.AdminDivisions;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which police unit codes exist, so that {@code ./run-local token police UNIT} does not mint a
 * token for a typo: the units case-service makes from the bundled administrative data (the
 * ministry's BCA, A05, C02; {@code CAT-}, {@code PA05-}, {@code PC02-<province>}; {@code
 * CAX-<commune>}), or, for a unit an operator made through the API, the running case-service.
 */
public final class KnownUnits {
  private static final Set<String> MINISTRY = Set.of("BCA", "A05", "C02");
  private static final Pattern PROVINCE_UNIT = Pattern.compile("(?:CAT|PA05|PC02)-(\\d{2})");
  private static final Pattern COMMUNE_UNIT = Pattern.compile("CAX-(\\d{5})");

  private final AdminDivisions data;

  public KnownUnits(AdminDivisions data) {
    this.data = data;
  }

  /** Whether the administrative data implies this unit. */
  public boolean inData(String code) {
    if (code == null) {
      return false;
    }
    if (MINISTRY.contains(code)) {
      return true;
    }
    Matcher province = PROVINCE_UNIT.matcher(code);
    if (province.matches()) {
      return data.province(province.group(1)).isPresent();
    }
    Matcher commune = COMMUNE_UNIT.matcher(code);
    return commune.matches() && data.provinceOfCommune(commune.group(1)).isPresent();
  }

  /**
   * Whether the case-service named in a running stack's {@code stack.json} knows the unit; false
   * when no stack runs there or it cannot be asked.
   */
  public static boolean inRunningStack(Path stackJson, String code, String operatorToken) {
    if (!Files.isRegularFile(stackJson)) {
      return false;
    }
    try {
      JsonNode stack = Json.events().readTree(stackJson.toFile());
      String cases = stack.path("services").path("cases").asText("");
      if (cases.isEmpty()) {
        return false;
      }
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create(
                      cases
                          + "/api/v1/admin/units/"
                          + URLEncoder.encode(code, StandardCharsets.UTF_8)))
              .header("Authorization", "Bearer " + operatorToken)
              .timeout(Duration.ofSeconds(5))
              .GET()
              .build();
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
