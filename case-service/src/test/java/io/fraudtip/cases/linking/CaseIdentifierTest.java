package io.fraudtip.cases.linking;

import static io.fraudtip.cases.TestTips.tip;
import static org.assertj.core.api.Assertions.assertThat;

import io.fraudtip.cases.TestTips;
import io.fraudtip.contracts.tips.IdentifierType;
import io.fraudtip.testsupport.InjectDatabase;
import io.fraudtip.testsupport.PlatformTestResource;
import io.fraudtip.testsupport.TestDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A row read before another transaction changed it writes back only what this one changed. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CaseIdentifierTest {
  @Inject TipLinking cases;
  @InjectDatabase TestDatabase db;

  @Test
  void aCountAddedToARowRetiredMeanwhileKeepsTheRetirement() {
    String phone = TestTips.phone();
    cases.onTips(List.of(TipEvent.of(UUID.randomUUID(), tip().phone(phone).build())));

    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              CaseIdentifier row = CaseIdentifier.byValue(IdentifierType.PHONE, phone);
              // A closure as unfounded commits after this read (it holds the case's lock only).
              db.update(
                  "UPDATE case_identifier SET retired_at = now(), delisted_at = now()"
                      + " WHERE id = ?",
                  row.id);
              row.reportCount++;
            });

    assertThat(
            db.query(
                "SELECT report_count, retired_at, delisted_at FROM case_identifier"
                    + " WHERE type = 'PHONE' AND value = ?",
                phone))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.get("report_count")).isEqualTo(2);
              assertThat(row.get("retired_at")).isNotNull();
              assertThat(row.get("delisted_at")).isNotNull();
            });
  }
}
