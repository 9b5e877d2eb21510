package io.fraudtip.systemtests.faults;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the platform recorded, as {@link Ledger} read it from where each effect lives: intake's and
 * case-service's databases, notification-service's alerts and deliveries, the demo bank's receipts
 * and the dead-letter topics. {@link LedgerCheck} holds it against what the client did.
 *
 * @param storedTips intake's tips by the load's marker in their description (a tip stored twice
 *     shows as two ids)
 * @param caseOfTip case-service's tip to the case that holds it
 * @param cases every case, by id
 * @param identifierCase case-service's identifier (see {@link #accountKey}, {@link #phoneKey}) to
 *     the case it belongs to
 * @param alerts notification-service's alerts: each tip's {@code account.reported} and the
 *     follow-ups ({@code case.linked} when a tip's case becomes known or changes)
 * @param deliveries notification-service's deliveries of those alerts
 * @param receipts the webhooks the demo bank verified
 * @param deadLetters one line per record on a dead-letter topic
 */
record Books(
    Map<Integer, List<UUID>> storedTips,
    Map<UUID, UUID> caseOfTip,
    Map<UUID, CaseRow> cases,
    Map<String, UUID> identifierCase,
    List<AlertRow> alerts,
    List<DeliveryRow> deliveries,
    List<Receipt> receipts,
    List<String> deadLetters) {

  /** A case: merged into another (or null while it stands), its victims and total loss. */
  record CaseRow(UUID id, UUID mergedInto, int victims, long totalLossVnd) {}

  /**
   * An alert to the bank of one account, of the type the bank receives it under: a tip's {@code
   * account.reported}, or a follow-up naming the tip ({@code case.linked} names the first tip of
   * the alerts it completes), raised at {@code createdAt}.
   */
  record AlertRow(UUID id, UUID tipId, String type, String bin, String account, Instant createdAt) {
    boolean reported() {
      return Ledger.ACCOUNT_REPORTED.equals(type);
    }

    /** A follow-up raised before the cutoff: due to be delivered by the time the ledger looks. */
    boolean followUpDueBy(Instant cutoff) {
      return !reported() && createdAt.isBefore(cutoff);
    }

    /** The key of this alert's tip and account (see {@link Books#tipAccount}). */
    String tipAccount() {
      return Books.tipAccount(tipId, bin, account);
    }
  }

  /** The key of one tip's alert for one account. */
  static String tipAccount(UUID tipId, String bin, String account) {
    return tipId + "/" + bin + ":" + account;
  }

  /** A delivery of an alert to an endpoint, with its webhook-id and state. */
  record DeliveryRow(UUID alertId, String webhookId, String state) {}

  /** A webhook a bank verified: its webhook-id, the alert it names and the bank's answer. */
  record Receipt(String bin, String webhookId, String type, UUID alertId, int answered) {}

  static String accountKey(String bin, String number) {
    return "BANK_ACCOUNT|" + bin + ":" + number;
  }

  /** A Vietnamese number as the load writes it (0913...) in the E.164 form case-service keeps. */
  static String phoneKey(String national) {
    return "PHONE|+84" + national.substring(1);
  }
}
