package io.fraudtip.notification.webhook;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The five-day rule on a schedule: an endpoint failing without a success for {@code
 * fraudtip.webhooks.disable-after} is disabled and its operators are told even when no attempt is
 * left to notice it. Safe with several instances: disabling is a conditional update, and the notice
 * is written only by the instance whose update changed the row.
 */
@ApplicationScoped
public class FailingEndpointCheck {
  private static final Logger LOG = Logger.getLogger(FailingEndpointCheck.class);

  private final EndpointHealth endpoints;

  FailingEndpointCheck(EndpointHealth endpoints) {
    this.endpoints = endpoints;
  }

  @Scheduled(
      identity = "failing-endpoint-check",
      every = "${fraudtip.webhooks.failing-check-interval:1h}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void check() {
    try {
      int disabled = endpoints.disableLongFailingEndpoints();
      if (disabled > 0) {
        LOG.infof("Disabled %d endpoint(s) failing for too long", disabled);
      }
    } catch (RuntimeException e) {
      // The next run tries again.
      LOG.warnf("Could not check failing endpoints: %s", e.getMessage());
    }
  }
}
