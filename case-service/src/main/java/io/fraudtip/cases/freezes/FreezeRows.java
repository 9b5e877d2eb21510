package io.fraudtip.cases.freezes;

import io.fraudtip.cases.core.CaseRows;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** A merged case's freeze requests, their accounts and the traced accounts follow it. */
@ApplicationScoped
@Priority(150)
class FreezeRows implements CaseRows {
  @Override
  public void move(UUID from, UUID into) {
    FreezeRequest.<FreezeRequest>list("caseId", from).forEach(r -> r.caseId = into);
    AccountFreeze.<AccountFreeze>list("caseId", from).forEach(a -> a.caseId = into);
    AccountTrace.<AccountTrace>list("caseId", from).forEach(t -> t.caseId = into);
  }
}
