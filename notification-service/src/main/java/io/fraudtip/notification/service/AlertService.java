package io.fraudtip.notification.service;

import io.fraudtip.commons.inbox.ProcessedEvents;
import io.fraudtip.contracts.Json;
import io.fraudtip.contracts.tips.IdentifierType;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.notification.domain.Alert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Raises alerts for the banks that hold reported accounts. */
@ApplicationScoped
public class AlertService {
  static final String TIPS_CONSUMER = "notification-service.tips";

  private final ProcessedEvents processed;

  AlertService(ProcessedEvents processed) {
    this.processed = processed;
  }

  /** The fast path: every bank account in a tip alerts its bank, without waiting for the police. */
  @Transactional
  public void onTip(UUID eventId, TipReceivedV1 tip) {
    if (!processed.firstTime(eventId, TIPS_CONSUMER)) {
      return;
    }
    Set<Account> accounts = new LinkedHashSet<>();
    tip.transfers().forEach(t -> accounts.add(new Account(t.bankBin(), t.accountNumber())));
    tip.identifiers().stream()
        .filter(i -> i.type() == IdentifierType.BANK_ACCOUNT && i.bankBin() != null)
        .forEach(
            i ->
                accounts.add(
                    new Account(i.bankBin(), i.value().substring(i.value().indexOf(':') + 1))));
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    for (Account account : accounts) {
      Alert alert = new Alert();
      alert.id = UUID.randomUUID();
      alert.sourceEventId = eventId;
      alert.advisory = true;
      alert.eventType = Alert.ACCOUNT_REPORTED;
      alert.bankBin = account.bin();
      alert.accountNumber = account.number();
      alert.tipId = tip.tipId();
      alert.layer = 1;
      alert.createdAt = now;
      alert.payload =
          Json.write(
              Map.of(
                  "type", Alert.ACCOUNT_REPORTED,
                  "alertId", alert.id,
                  "bankBin", account.bin(),
                  "accountNumber", account.number(),
                  "tipId", tip.tipId(),
                  "trust", tip.trust(),
                  "reportedAt", tip.receivedAt()));
      alert.persist();
    }
  }

  record Account(String bin, String number) {}
}
