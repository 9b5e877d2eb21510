package io.fraudtip.commons.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows the outbox backlog in readiness. It stays UP while Kafka is away: the service still takes
 * work and keeps it in the outbox, which is the point of having one.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {
  private final OutboxRelay relay;

  OutboxHealthCheck(OutboxRelay relay) {
    this.relay = relay;
  }

  @Override
  public HealthCheckResponse call() {
    var builder =
        HealthCheckResponse.named("outbox")
            .up()
            .withData("backlog", relay.backlog())
            .withData("oldestUnsentSeconds", relay.oldestUnsentAge().toSeconds());
    String error = relay.lastError();
    if (error != null) {
      builder.withData("lastError", error);
    }
    return builder.build();
  }
}
