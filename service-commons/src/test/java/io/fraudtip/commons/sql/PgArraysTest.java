package io.fraudtip.commons.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PgArraysTest {
  @Test
  void everyElementIsQuotedAndItsQuotesAndBackslashesEscaped() {
    assertThat(PgArrays.of(List.of("a,b", "say \"hi\"", "C:\\dir", "{x}", " NULL ")))
        .isEqualTo("{\"a,b\",\"say \\\"hi\\\"\",\"C:\\\\dir\",\"{x}\",\" NULL \"}");
  }

  @Test
  void idsAndEmptyLists() {
    UUID id = UUID.fromString("0b6f8a52-4f7e-4c1e-9a2b-3c4d5e6f7a8b");
    assertThat(PgArrays.of(List.of(id, 42L))).isEqualTo("{\"" + id + "\",\"42\"}");
    assertThat(PgArrays.of(List.of())).isEqualTo("{}");
  }

  @Test
  void aNullElementIsRefusedUnlessNullsAreAsked() {
    assertThatThrownBy(() -> PgArrays.of(Arrays.asList("a", null)))
        .isInstanceOf(NullPointerException.class);
    assertThat(PgArrays.ofNullable(Arrays.asList("a", null, "NULL")))
        .isEqualTo("{\"a\",NULL,\"NULL\"}");
  }
}
