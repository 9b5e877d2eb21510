package io.fraudtip.cases.routing;

import static io.fraudtip.cases.TestTips.caseOf;
import static io.fraudtip.cases.TestTips.tip;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fraudtip.cases.TestTips;
import io.fraudtip.cases.linking.TipLinking;
import io.fraudtip.contracts.places.AdminDivisions;
import io.fraudtip.contracts.tips.ScamType;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class NationalUnitsTest {
  @Inject NationalUnits national;
  @Inject TipLinking cases;
  @InjectDatabase TestDatabase db;

  @Test
  void everyProvinceAndCommuneOfTheDataHasItsUnitsUnderTheMinistry() {
    AdminDivisions data = AdminDivisions.bundled();
    assertThat(data.communeCount()).isEqualTo(3321);
    List<String> codes = UnitTree.of(data).rows().stream().map(UnitTree.Row::code).toList();
    assertThat(codes).hasSize(3 + 3 * 34 + 3321).doesNotHaveDuplicates();

    assertThat(
            db.queryLong(
                "SELECT count(*) FROM police_unit WHERE code = ANY(string_to_array(?, ','))",
                String.join(",", codes)))
        .isEqualTo(codes.size());
    assertThat(db.queryLong("SELECT count(*) FROM police_unit WHERE code LIKE 'CAX-_____'"))
        .isGreaterThanOrEqualTo(3321);
    assertThat(unit("CAX-00004"))
        .containsEntry("name", "Công an phường Ba Đình")
        .containsEntry("level", "COMMUNE")
        .containsEntry("parent_code", "CAT-01")
        .containsEntry("path", "/BCA/CAT-01/CAX-00004/")
        .containsEntry("province_code", "01")
        .containsEntry("commune_code", "00004");
    assertThat(unit("PC02-79"))
        .containsEntry("name", "Phòng Cảnh sát hình sự, Công an thành phố Hồ Chí Minh")
        .containsEntry("path", "/BCA/CAT-79/PC02-79/");
  }

  @Test
  void aRestartOrARerunOfTheSameDataChangesNothing() throws IOException {
    List<Map<String, Object>> before = units();

    assertThat(national.apply(AdminDivisions.bundled()))
        .isEqualTo(new NationalUnits.Outcome(true, 0, 0));
    // The same units in a file that differs only in layout: applied, and still nothing to do.
    assertThat(national.apply(edition(bundled())))
        .isEqualTo(new NationalUnits.Outcome(false, 0, 0));

    assertThat(units()).isEqualTo(before);
  }

  @Test
  void aNewerFileRenamesAndAddsUnitsAndCasesKeepTheirUnit() throws IOException {
    TipReceivedV1 t = tip().in("01", "00004").paid(TestTips.account(), 3_000_000).build();
    cases.onTip(UUID.randomUUID(), t);
    assertThat(caseOf(db, t.tipId())).containsEntry("unit_code", "CAX-00004");
    long version = (Long) unit("CAX-00004").get("version");

    ObjectMapper json = new ObjectMapper();
    ArrayNode newer = (ArrayNode) json.readTree(bundled());
    ObjectNode hanoi = (ObjectNode) newer.get(0);
    ObjectNode baDinh = (ObjectNode) hanoi.withArray("communes").get(0);
    assertThat(baDinh.get("code").asText()).isEqualTo("00004");
    baDinh.put("name", "Phường Ba Đình Mới");
    hanoi
        .withArray("communes")
        .addObject()
        .put("code", "00003")
        .put("name", "Xã Thử")
        .put("type", "xã");
    try {
      assertThat(national.apply(edition(json.writeValueAsString(newer))))
          .isEqualTo(new NationalUnits.Outcome(false, 1, 1));

      assertThat(unit("CAX-00004"))
          .containsEntry("name", "Công an phường Ba Đình Mới")
          .containsEntry("version", version + 1);
      assertThat(unit("CAX-00003"))
          .containsEntry("name", "Công an xã Thử")
          .containsEntry("path", "/BCA/CAT-01/CAX-00003/");
      assertThat(caseOf(db, t.tipId())).containsEntry("unit_code", "CAX-00004");
      assertThat(
              db.queryLong(
                  "SELECT count(*) FROM case_assignment WHERE unit_code = 'CAX-00004'"
                      + " AND case_id = ?",
                  caseOf(db, t.tipId()).get("id")))
          .isOne();
    } finally {
      // Back to the bundled names; a unit a file no longer lists stays (a case may hold it).
      assertThat(national.apply(edition(bundled())).renamed()).isOne();
    }
  }

  @Test
  void everyProvinceRoutesToItsOwnPolice() {
    TipReceivedV1 cyber = tip().in("79", null).paid(TestTips.account(), 50_000_000).build();
    cases.onTip(UUID.randomUUID(), cyber);
    assertThat(caseOf(db, cyber.tipId()))
        .containsEntry("unit_code", "PA05-79")
        .containsEntry("rule_id", "R-PROVINCE");

    TipReceivedV1 mule =
        tip()
            .type(ScamType.ACCOUNT_RENTAL_SALE)
            .in("01", null)
            .paid(TestTips.account(), 50_000_000)
            .build();
    cases.onTip(UUID.randomUUID(), mule);
    assertThat(caseOf(db, mule.tipId()))
        .containsEntry("unit_code", "PC02-01")
        .containsEntry("rule_id", "R-MULE-ACCOUNTS");

    TipReceivedV1 other =
        tip().type(ScamType.OTHER).in("96", null).paid(TestTips.account(), 50_000_000).build();
    cases.onTip(UUID.randomUUID(), other);
    assertThat(caseOf(db, other.tipId()))
        .containsEntry("unit_code", "PC02-96")
        .containsEntry("rule_id", "R-OTHER-CRIME");
  }

  private Map<String, Object> unit(String code) {
    return db.query("SELECT * FROM police_unit WHERE code = ?", code).get(0);
  }

  private List<Map<String, Object>> units() {
    return db.query(
        "SELECT code, name, parent_code, path, active, version FROM police_unit ORDER BY code");
  }

  private static String bundled() throws IOException {
    try (InputStream in =
        AdminDivisions.class.getClassLoader().getResourceAsStream(AdminDivisions.RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * The data as a new edition: trailing white space unique to this call gives the file a digest of
   * its own without changing what it says.
   */
  private static AdminDivisions edition(String json) {
    StringBuilder layout = new StringBuilder(json);
    String bits = Long.toBinaryString(UUID.randomUUID().getMostSignificantBits());
    bits.chars().forEach(b -> layout.append(b == '1' ? '\t' : ' '));
    return AdminDivisions.of(layout.toString().getBytes(StandardCharsets.UTF_8));
  }
}
