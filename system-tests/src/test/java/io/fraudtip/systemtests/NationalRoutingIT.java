package io.fraudtip.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fraudtip.contracts.places.AdminDivisions;
import io.fraudtip.localstack.demo.Platform;
import io.fraudtip.localstack.stack.Service;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole country (issue 15): every province's tips reach that province's own police, a rule can
 * give a commune's cases to the commune police, and the unit tree is the administrative data's.
 */
class NationalRoutingIT {
  static Platform platform;
  static final AdminDivisions DATA = AdminDivisions.bundled();

  @BeforeAll
  static void start() {
    platform = Platform.of(PlatformStack.get());
  }

  @Test
  void theUnitTreeHoldsTheMinistryAndEveryProvinceAndCommuneOfTheData() {
    JsonNode units =
        platform
            .api()
            .get(platform.url(Service.CASES, "/api/v1/admin/units"), platform.operator())
            .expect(200, "GET /api/v1/admin/units")
            .json();
    Set<String> codes = new HashSet<>();
    units.forEach(u -> codes.add(u.path("code").asText()));
    Set<String> expected = new HashSet<>(List.of("BCA", "A05", "C02"));
    for (AdminDivisions.Province p : DATA.provinces()) {
      expected.addAll(List.of("CAT-" + p.code(), "PA05-" + p.code(), "PC02-" + p.code()));
      p.communes().forEach(c -> expected.add("CAX-" + c.code()));
    }
    assertThat(DATA.provinceCount()).isEqualTo(34);
    assertThat(DATA.communeCount()).isEqualTo(3321);
    assertThat(expected).hasSize(3 + 3 * 34 + 3321);
    assertThat(codes).containsAll(expected);
    // besides the data's units, only those an operator (another test) made through the API
    assertThat(codes.stream().filter(c -> c.matches("CAX-\\d{5}")).count())
        .isGreaterThanOrEqualTo(3321);
  }

  @Test
  void aTipFromEachOfFiveMoreProvincesLandsAtThatProvincesPolice() {
    // Hà Nội, Hồ Chí Minh City, Đà Nẵng, Hải Phòng: cyber fraud to the cyber division;
    // Cần Thơ: renting out bank accounts, the criminal police.
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("01", "PA05-01");
    expected.put("79", "PA05-79");
    expected.put("48", "PA05-48");
    expected.put("31", "PA05-31");
    expected.put("92", "PC02-92");
    expected.forEach(
        (province, unit) -> {
          String commune = DATA.province(province).orElseThrow().communes().get(1).code();
          String type = unit.startsWith("PC02") ? "ACCOUNT_RENTAL_SALE" : "ONLINE_JOB_TASK";
          String phone = Platform.newPhoneNumber();
          platform.submitTip(tip(province, commune, type, 50_000_000, phone));
          String caseId = platform.awaitCaseOf("PHONE", phone);
          JsonNode c =
              platform.awaitCase(
                  caseId,
                  "CAT-" + province,
                  "the case with " + unit,
                  x -> x.hasNonNull("unitCode"));
          assertThat(c.path("unitCode").asText()).as("province " + province).isEqualTo(unit);
          assertThat(c.path("ruleId").asText())
              .isEqualTo(unit.startsWith("PC02") ? "R-MULE-ACCOUNTS" : "R-PROVINCE");
          assertThat(platform.readCase(caseId, unit).status()).isEqualTo(200);
          // another province's police does not see it
          assertThat(platform.readCase(caseId, "CAT-66").status()).isEqualTo(404);
        });
  }

  @Test
  void aCommuneRuleMadeThroughTheAdminApiSendsTheCommunesCasesToItsPolice() throws Exception {
    AdminDivisions.Province danang = DATA.province("48").orElseThrow();
    String commune = danang.communes().get(danang.communes().size() - 1).code();
    String rule = "IT-COMMUNE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", rule);
    body.put("position", 5);
    body.put("description", "Every case of commune " + commune + ": its own police");
    body.put("communeCode", commune);
    body.put("targetUnit", "CAX-" + commune);
    platform
        .api()
        .post(
            platform.url(Service.CASES, "/api/v1/admin/rules"), platform.operator(), Map.of(), body)
        .expect(201, "POST /api/v1/admin/rules");
    try {
      // a large loss: without the rule, the province's cyber division
      String phone = Platform.newPhoneNumber();
      platform.submitTip(tip("48", commune, "ONLINE_JOB_TASK", 150_000_000, phone));
      String caseId = platform.awaitCaseOf("PHONE", phone);
      JsonNode c =
          platform.awaitCase(
              caseId, "CAT-48", "the case with the commune police", x -> x.hasNonNull("unitCode"));
      assertThat(c.path("unitCode").asText()).isEqualTo("CAX-" + commune);
      assertThat(c.path("ruleId").asText()).isEqualTo(rule);
      assertThat(platform.readCase(caseId, "CAX-" + commune).status()).isEqualTo(200);
    } finally {
      HttpResponse<Void> deleted =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(platform.url(Service.CASES, "/api/v1/admin/rules/" + rule)))
                      .header("Authorization", "Bearer " + platform.operator())
                      .DELETE()
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
      assertThat(deleted.statusCode()).isBetween(200, 299);
    }
  }

  private static Map<String, Object> tip(
      String province, String commune, String scamType, long loss, String phone) {
    Map<String, Object> tip = new LinkedHashMap<>();
    tip.put("channel", "HOTLINE");
    tip.put("location", Map.of("provinceCode", province, "communeCode", commune));
    tip.put("occurredAt", Instant.now().minus(5, ChronoUnit.HOURS).toString());
    tip.put("scamType", scamType);
    tip.put("description", "Bị lừa chuyển tiền qua điện thoại, kẻ gian đã cắt liên lạc");
    tip.put("amountLostVnd", loss);
    tip.put("scammer", Map.of("phones", List.of(phone)));
    return tip;
  }
}
