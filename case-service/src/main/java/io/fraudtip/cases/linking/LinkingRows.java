package io.fraudtip.cases.linking;

import io.fraudtip.cases.core.CaseRows;
import io.fraudtip.cases.core.CaseTip;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** A merged case's tips and identifiers follow it; moved first, as they always were. */
@ApplicationScoped
@Priority(300)
class LinkingRows implements CaseRows {
  @Override
  public void move(UUID from, UUID into) {
    CaseTip.<CaseTip>list("caseId", from).forEach(t -> t.caseId = into);
    CaseIdentifier.<CaseIdentifier>list("caseId", from).forEach(i -> i.caseId = into);
  }
}
