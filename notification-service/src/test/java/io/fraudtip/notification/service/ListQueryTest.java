package io.fraudtip.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudtip.notification.api.ListParams;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ListQueryTest {
  @Test
  void theDocumentedCursorIsOneTheListsRead() {
    assertThat(ListQuery.Cursor.decode(ListParams.CURSOR_EXAMPLE))
        .isEqualTo(
            new ListQuery.Cursor(
                Instant.parse("2026-11-29T08:14:13.123456Z"),
                UUID.fromString("0193f1c9-7e2a-7c3b-9a41-5f0e8d2c6b11")));
  }

  @Test
  void aCursorReadsBackAsTheRowItNames() {
    ListQuery.Cursor cursor =
        new ListQuery.Cursor(Instant.parse("2026-12-07T01:02:03.456789Z"), UUID.randomUUID());
    assertThat(ListQuery.Cursor.decode(cursor.encode())).isEqualTo(cursor);
    assertThat(ListQuery.Cursor.decode("bm90IGEgY3Vyc29y")).isNull();
  }
}
