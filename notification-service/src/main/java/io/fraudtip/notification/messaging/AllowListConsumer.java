package io.fraudtip.notification.messaging;

import io.fraudtip.commons.inbox.EventHandling;
import io.fraudtip.contracts.CloudEvents;
import io.fraudtip.contracts.allowlist.AllowListChangedV1;
import io.fraudtip.notification.service.AllowListedAccounts;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps the allow-listed bank accounts (allow-list.v1), which no bank is alerted about. Poison
 * records go to allow-list.v1.notification-service.dlt; a record of another CloudEvent type is
 * skipped unread.
 */
@ApplicationScoped
public class AllowListConsumer {
  private final AllowListedAccounts accounts;

  AllowListConsumer(AllowListedAccounts accounts) {
    this.accounts = accounts;
  }

  @Incoming("allow-list")
  @Blocking
  public CompletionStage<Void> consume(Message<String> message) {
    return EventHandling.handle(
        message,
        CloudEvents.TYPE_ALLOW_LIST_CHANGED::equals,
        AllowListChangedV1.class,
        accounts::onChange);
  }
}
