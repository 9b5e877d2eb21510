package io.fraudtip.cases.trust;

import io.fraudtip.cases.core.CaseRows;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** A merged case's evidence names the survivor, so that its reasons point at the live case. */
@ApplicationScoped
@Priority(100)
class EvidenceRows implements CaseRows {
  @Override
  public void move(UUID from, UUID into) {
    IdentifierEvidence.update("caseId = ?1 where caseId = ?2", into, from);
  }
}
