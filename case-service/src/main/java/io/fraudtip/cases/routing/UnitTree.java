package io.fraudtip.cases.routing;

import io.fraudtip.contracts.places.AdminDivisions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The police units the administrative data implies, parents first: the ministry and its departments
 * (A05 cyber, C02 criminal); for each province its police {@code CAT-<province>} with the
 * cyber-crime {@code PA05-<province>} and criminal {@code PC02-<province>} divisions; for each
 * commune its police {@code CAX-<commune>} under the province's.
 */
record UnitTree(List<Row> rows) {
  /** One {@code police_unit} row. */
  record Row(
      String code,
      String name,
      UnitLevel level,
      String parentCode,
      String path,
      String provinceCode,
      String communeCode) {}

  private static final Locale VI = Locale.forLanguageTag("vi");
  static final String MINISTRY = "BCA";

  static UnitTree of(AdminDivisions data) {
    List<Row> rows = new ArrayList<>(3 + 3 * data.provinceCount() + data.communeCount());
    rows.add(new Row(MINISTRY, "Bộ Công an", UnitLevel.MINISTRY, null, "/BCA/", null, null));
    rows.add(
        department("A05", "Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (A05)"));
    rows.add(department("C02", "Cục Cảnh sát hình sự (C02)"));
    for (AdminDivisions.Province p : data.provinces()) {
      String police = "CAT-" + p.code();
      String policeName = "Công an " + lowerFirst(p.name());
      String path = "/BCA/" + police + "/";
      rows.add(new Row(police, policeName, UnitLevel.PROVINCE, MINISTRY, path, p.code(), null));
      rows.add(
          division(
              "PA05-",
              "Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao, ",
              p,
              policeName));
      rows.add(division("PC02-", "Phòng Cảnh sát hình sự, ", p, policeName));
      for (AdminDivisions.Commune c : p.communes()) {
        String code = "CAX-" + c.code();
        rows.add(
            new Row(
                code,
                "Công an " + lowerFirst(c.name()),
                UnitLevel.COMMUNE,
                police,
                path + code + "/",
                p.code(),
                c.code()));
      }
    }
    return new UnitTree(List.copyOf(rows));
  }

  /** The rows as parallel column arrays, in {@code police_unit}'s column order. */
  String[][] columns() {
    String[][] columns = new String[7][rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      columns[0][i] = r.code();
      columns[1][i] = r.name();
      columns[2][i] = r.level().name();
      columns[3][i] = r.parentCode();
      columns[4][i] = r.path();
      columns[5][i] = r.provinceCode();
      columns[6][i] = r.communeCode();
    }
    return columns;
  }

  private static Row department(String code, String name) {
    return new Row(code, name, UnitLevel.MINISTRY, MINISTRY, "/BCA/" + code + "/", null, null);
  }

  private static Row division(
      String prefix, String name, AdminDivisions.Province p, String policeName) {
    String police = "CAT-" + p.code();
    String code = prefix + p.code();
    return new Row(
        code,
        name + policeName,
        UnitLevel.PROVINCE,
        police,
        "/BCA/" + police + "/" + code + "/",
        p.code(),
        null);
  }

  // "Tỉnh Đắk Lắk" -> "Công an tỉnh Đắk Lắk", "Phường Ba Đình" -> "Công an phường Ba Đình".
  private static String lowerFirst(String name) {
    return name.substring(0, 1).toLowerCase(VI) + name.substring(1);
  }
}
