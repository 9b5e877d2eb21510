package io.fraudtip.cases.banks;

import io.fraudtip.cases.core.CaseRows;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** A merged case's bank answers and alert deliveries follow it. */
@ApplicationScoped
@Priority(200)
class BankRows implements CaseRows {
  @Override
  public void move(UUID from, UUID into) {
    BankResponse.<BankResponse>list("caseId", from).forEach(b -> b.caseId = into);
    AlertDelivery.<AlertDelivery>list("caseId", from).forEach(d -> d.caseId = into);
  }
}
