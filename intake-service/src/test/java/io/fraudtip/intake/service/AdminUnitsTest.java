package io.fraudtip.intake.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdminUnitsTest {
  private final AdminUnits units = new AdminUnits();

  @Test
  void the34ProvincesOf2025AndTheirCommunesAreBundled() {
    assertThat(units.provinceCount()).isEqualTo(34);
    assertThat(units.communeCount()).isEqualTo(3321);
    assertThat(units.province("66"))
        .get()
        .extracting(AdminUnits.Province::name)
        .isEqualTo("Tỉnh Đắk Lắk");
    assertThat(units.province("56")).isPresent(); // Khánh Hòa, which Ninh Thuận joined
  }

  @Test
  void provincesAbolishedIn2025AreUnknown() {
    assertThat(units.province("54")).isEmpty(); // Phú Yên, now part of Đắk Lắk
    assertThat(units.province("58")).isEmpty(); // Ninh Thuận, now part of Khánh Hòa
    assertThat(units.province("99")).isEmpty();
  }

  @Test
  void aCommuneBelongsToItsProvince() {
    assertThat(units.provinceOfCommune("24133")).contains("66"); // Phường Buôn Ma Thuột
    assertThat(units.provinceOfCommune("00004")).contains("01"); // Phường Ba Đình
    assertThat(units.provinceOfCommune("99999")).isEmpty();
  }
}
