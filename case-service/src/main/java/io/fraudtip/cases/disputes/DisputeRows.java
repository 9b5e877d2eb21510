package io.fraudtip.cases.disputes;

import io.fraudtip.cases.core.CaseRows;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** A merged case's disputes follow it, to be decided by the survivor's unit. */
@ApplicationScoped
@Priority(100)
class DisputeRows implements CaseRows {
  @Override
  public void move(UUID from, UUID into) {
    Dispute.<Dispute>list("caseId", from).forEach(d -> d.caseId = into);
  }
}
