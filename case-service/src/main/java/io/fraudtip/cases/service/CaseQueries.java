package io.fraudtip.cases.service;

import io.fraudtip.cases.domain.FraudCase;
import io.fraudtip.cases.rest.CaseSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Read side of the police API. */
@ApplicationScoped
public class CaseQueries {

  @Transactional
  public List<CaseSummary> assignedTo(String unitCode) {
    return FraudCase.<FraudCase>list("unitCode = ?1 order by openedAt", unitCode).stream()
        .map(c -> new CaseSummary(c.id, c.reference, c.status, c.unitCode, c.openedAt))
        .toList();
  }
}
