package io.fraudtip.notification.webhook;

import io.fraudtip.notification.config.WebhookConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries to the banks. New deliveries are handed to it in memory after their commit,
 * already leased to it (the fast path, {@link DeliveryHandOff}); retries coming due, replays and
 * rows of other instances it claims from the database with their lease ({@link DeliveryClaims}) at
 * a short poll or when asked, so that several instances never send the same attempt and a crash
 * mid-request only delays it. Requests go out asynchronously ({@link WebhookSender}), at most
 * {@code max-in-flight-per-endpoint} per endpoint whichever way they came ({@link EndpointSlots};
 * deliveries handed over while the slots are taken wait for one in memory), so that a slow or dead
 * bank holds only its own slots and never delays another. The answers are recorded in batches
 * ({@link OutcomeRecorders}).
 */
@ApplicationScoped
public class WebhookDispatcher {
  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

  private final WebhookConfig config;
  private final DeliveryWakeUp wakeUp;
  private final DeliveryClaims claims;
  private final EndpointSlots slots;
  private final WebhookSender sender;
  private final OutcomeRecorders recorders;

  private volatile boolean running;
  private Thread worker;

  WebhookDispatcher(
      WebhookConfig config,
      DeliveryWakeUp wakeUp,
      DeliveryClaims claims,
      EndpointSlots slots,
      WebhookSender sender,
      OutcomeRecorders recorders) {
    this.config = config;
    this.wakeUp = wakeUp;
    this.claims = claims;
    this.slots = slots;
    this.sender = sender;
    this.recorders = recorders;
  }

  void onStart(@Observes StartupEvent event) {
    if (config.dispatcherEnabled()) {
      start();
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    stop();
  }

  /** Starts dispatching, with nothing carried over: all it knows comes from the database. */
  public synchronized void start() {
    if (running) {
      return;
    }
    slots.reset();
    sender.open();
    running = true;
    wakeUp.taking(true);
    recorders.start(config.recorderThreads(), config.recorderLinger());
    worker = new Thread(this::run, "webhook-dispatcher");
    worker.setDaemon(true);
    worker.start();
  }

  /** Stops dispatching; requests in flight are abandoned, their rows come due after the lease. */
  public synchronized void stop() {
    if (!running) {
      return;
    }
    running = false;
    wakeUp.taking(false);
    recorders.finish();
    wakeUp.wake();
    try {
      worker.join(TimeUnit.SECONDS.toMillis(5));
      recorders.await(System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    recorders.interrupt();
    sender.close();
  }

  private void run() {
    while (running) {
      try {
        boolean claim = wakeUp.await(config.pollInterval().toMillis());
        DeliveryClaims.Admitted admitted = claims.admit(wakeUp.takeHandedOver());
        admitted.send().forEach(this::send);
        if (!claim && !admitted.claim()) {
          continue;
        }
        List<ClaimedDelivery> claimed;
        do {
          claimed = claims.claimBatch();
          claimed.forEach(this::send);
        } while (running && !claimed.isEmpty());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        LOG.warnf("Webhook dispatcher cannot claim deliveries: %s", e.getMessage());
        try {
          Thread.sleep(1_000);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void send(ClaimedDelivery c) {
    EndpointSlots.Slots slot = slots.of(c.endpointId());
    sender.send(
        c,
        result -> {
          // The bank's slot is free once it has answered; the lease keeps the row until it is
          // recorded. The deliveries waiting in memory for a slot go first; only a full endpoint
          // may have due rows waiting for it.
          switch (slots.release(slot)) {
            case SEND_WAITING -> wakeUp.sendWaiting();
            case CLAIM -> wakeUp.wake();
            case NOTHING -> {}
          }
          recorders.add(result);
        });
  }
}
