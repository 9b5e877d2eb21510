package io.fraudtip.cases.core;

import io.fraudtip.cases.config.CaseConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * The legal clock (Criminal Procedure Code 2015, art. 147): 20 days from the receipt of the report;
 * two months for a complex one, extendable once by two months. Months are calendar months in Viet
 * Nam time.
 */
@ApplicationScoped
public class LegalClock {
  private final CaseConfig config;
  private final EntityManager em;

  LegalClock(CaseConfig config, EntityManager em) {
    this.config = config;
    this.em = em;
  }

  /** The deadline of a case from its receipt and what the unit decided about it. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Instant due(FraudCase c) {
    Instant receipt = receipt(c);
    if (c.complexAt == null) {
      return receipt.plus(config.legalDeadline());
    }
    var due = receipt.atZone(Clock.VIET_NAM).plusMonths(config.complexLegalDeadlineMonths());
    if (c.legalExtendedAt != null) {
      due = due.plusMonths(config.legalExtensionMonths());
    }
    return due.toInstant();
  }

  /**
   * After a merge: the survivor keeps the earliest receipt and the most the units decided (a
   * complex or extended case stays so).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void afterMerge(FraudCase target, List<FraudCase> absorbed) {
    for (FraudCase other : absorbed) {
      if (target.complexAt == null && other.complexAt != null) {
        target.complexAt = other.complexAt;
      }
      if (target.legalExtendedAt == null && other.legalExtendedAt != null) {
        target.legalExtendedAt = other.legalExtendedAt;
      }
    }
    if (target.complexAt != null) {
      target.legalDueAt = due(target);
    }
  }

  /** When the case's first report came in: its earliest tip. */
  private Instant receipt(FraudCase c) {
    Instant first =
        em.createQuery(
                "select min(t.receivedAt) from CaseTip t where t.caseId = :id", Instant.class)
            .setParameter("id", c.id)
            .getSingleResult();
    return first != null ? first : c.legalDueAt.minus(config.legalDeadline());
  }
}
