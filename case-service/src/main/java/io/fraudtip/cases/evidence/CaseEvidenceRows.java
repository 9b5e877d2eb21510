package io.fraudtip.cases.evidence;

import io.fraudtip.cases.core.CaseRows;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** A merged case's files follow it (the reporters' follow their tips, which move too). */
@ApplicationScoped
@Priority(90)
class CaseEvidenceRows implements CaseRows {
  @Override
  public void move(UUID from, UUID into) {
    CaseEvidence.update("caseId = ?1 where caseId = ?2", into, from);
  }
}
