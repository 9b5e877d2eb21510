package io.fraudtip.contracts.alerts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Payload of {@code alert-responses.v1}: a bank's answer to an alert.
 *
 * @param responseId id of this answer (also the CloudEvent id)
 * @param alertId the alert answered, also the record key
 * @param caseId the case the alert was about, when known
 * @param tipId the tip that raised the alert, when it came from a tip
 * @param bankBin the answering bank
 * @param accountNumber the alerted account
 * @param layer the alerted account's layer in the money trail
 * @param outcome what the bank did
 * @param frozenAmountVnd amount held, for FROZEN and PARTLY_FROZEN
 * @param restoredAmountVnd amount returned to victims, for RESTORED
 * @param onwardTransfers where the money went, for MOVED_ON
 * @param note the bank's note
 * @param respondedAt when the bank answered
 */
public record AlertResponseV1(
    UUID responseId,
    UUID alertId,
    UUID caseId,
    UUID tipId,
    String bankBin,
    String accountNumber,
    int layer,
    AlertOutcome outcome,
    long frozenAmountVnd,
    long restoredAmountVnd,
    List<OnwardTransferV1> onwardTransfers,
    String note,
    Instant respondedAt) {}
