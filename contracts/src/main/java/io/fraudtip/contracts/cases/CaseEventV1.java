package io.fraudtip.contracts.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Payload of {@code cases.v1}: one thing that happened to a case. Fields that do not apply to a
 * kind are null or empty.
 *
 * @param eventId id of this event (also the CloudEvent id)
 * @param caseId the case, also the record key
 * @param caseReference the human-readable case reference
 * @param kind what happened
 * @param occurredAt when it happened
 * @param status the case's status after the event
 * @param unitCode the unit the case is assigned to after the event
 * @param ruleId the routing rule that chose the unit (OPENED when routed at once, ASSIGNED,
 *     ESCALATED)
 * @param tipIds all tips in the case (so intake can follow each tip's status)
 * @param mergedCaseIds cases merged into this one (MERGED)
 * @param accounts accounts concerned (FREEZE_REQUESTED, ACCOUNT_TRACED, CLOSED,
 *     IDENTIFIER_DELISTED, IDENTIFIER_ADDED, IDENTIFIER_RELISTED, and with their holds
 *     HOLD_EXTENDED, HOLD_LIFTED, HOLD_EXPIRED)
 * @param closure CONFIRMED or UNFOUNDED (CLOSED)
 * @param note a short public note, no personal data
 * @param tracedByBankBin the bank whose answer traced the accounts (ACCOUNT_TRACED, and
 *     FREEZE_REQUESTED by a standing order); null otherwise and in events written before it
 * @param authorisation the police request behind a FREEZE_REQUESTED, or whose hold a HOLD_EXTENDED,
 *     HOLD_LIFTED or HOLD_EXPIRED concerns; null in events written before it was named
 */
public record CaseEventV1(
    UUID eventId,
    UUID caseId,
    String caseReference,
    CaseEventKind kind,
    Instant occurredAt,
    CaseStatus status,
    String unitCode,
    String ruleId,
    List<UUID> tipIds,
    List<UUID> mergedCaseIds,
    List<AccountRefV1> accounts,
    Closure closure,
    String note,
    String tracedByBankBin,
    FreezeAuthorisationV1 authorisation) {

  /** An event that names no tracing bank and no authorisation (most kinds). */
  public CaseEventV1(
      UUID eventId,
      UUID caseId,
      String caseReference,
      CaseEventKind kind,
      Instant occurredAt,
      CaseStatus status,
      String unitCode,
      String ruleId,
      List<UUID> tipIds,
      List<UUID> mergedCaseIds,
      List<AccountRefV1> accounts,
      Closure closure,
      String note) {
    this(
        eventId,
        caseId,
        caseReference,
        kind,
        occurredAt,
        status,
        unitCode,
        ruleId,
        tipIds,
        mergedCaseIds,
        accounts,
        closure,
        note,
        null,
        null);
  }
}
