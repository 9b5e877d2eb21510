package io.fraudtip.contracts.places;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdminDivisionsTest {
  private final AdminDivisions data = AdminDivisions.bundled();

  @Test
  void theBundledDataHoldsThe34ProvincesAndThe3321CommunesOf2025() {
    assertThat(data.provinceCount()).isEqualTo(34);
    assertThat(data.communeCount()).isEqualTo(3321);
    assertThat(data.province("66"))
        .get()
        .extracting(AdminDivisions.Province::name)
        .isEqualTo("Tỉnh Đắk Lắk");
    assertThat(data.provinceOfCommune("00004"))
        .get()
        .extracting(AdminDivisions.Province::code)
        .isEqualTo("01");
    assertThat(data.provinceOfCommune("99999")).isEmpty();
  }

  @Test
  void theDigestTellsEditionsApart() {
    String one = "[{\"code\":\"01\",\"name\":\"A\",\"type\":\"tỉnh\",\"communes\":[]}]";
    assertThat(AdminDivisions.of(one.getBytes()).digest())
        .isEqualTo(AdminDivisions.of(one.getBytes()).digest())
        .isNotEqualTo(AdminDivisions.of(one.replace("\"A\"", "\"B\"").getBytes()).digest())
        .isNotEqualTo(data.digest());
  }
}
