package io.fraudtip.notification.service;

import io.fraudtip.commons.problem.FieldError;
import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.commons.time.Timestamps;
import io.fraudtip.contracts.Ids;
import io.fraudtip.contracts.banks.BankDirectory;
import io.fraudtip.contracts.webhooks.WebhookSignature;
import io.fraudtip.notification.api.EndpointRequest;
import io.fraudtip.notification.api.EndpointSecret;
import io.fraudtip.notification.api.EndpointUpdate;
import io.fraudtip.notification.api.EndpointView;
import io.fraudtip.notification.config.WebhookConfig;
import io.fraudtip.notification.domain.Alert;
import io.fraudtip.notification.domain.BankEndpoint;
import io.fraudtip.notification.domain.EndpointDisabled;
import io.fraudtip.notification.webhook.EndpointUrlPolicy;
import io.fraudtip.notification.webhook.SigningSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Banks' webhook endpoints. {@code bankScope} is the caller's bank, or empty for an operator: a
 * bank manages only its own endpoints, another bank's are not found.
 */
@ApplicationScoped
public class EndpointService {
  private final WebhookConfig config;
  private final EndpointUrlPolicy urls;
  private final BankDirectory banks;
  private final SigningSecrets secrets;
  private final AlertBacklog backlog;
  private final Event<EndpointDisabled> disabled;
  private final EntityManager em;

  EndpointService(
      WebhookConfig config,
      EndpointUrlPolicy urls,
      BankDirectory banks,
      SigningSecrets secrets,
      AlertBacklog backlog,
      Event<EndpointDisabled> disabled,
      EntityManager em) {
    this.config = config;
    this.em = em;
    this.urls = urls;
    this.banks = banks;
    this.secrets = secrets;
    this.backlog = backlog;
    this.disabled = disabled;
  }

  @Transactional
  public EndpointSecret create(Optional<String> bankScope, EndpointRequest request) {
    String bin = bankScope.orElse(request.bankBin());
    if (bankScope.isPresent() && request.bankBin() != null && !request.bankBin().equals(bin)) {
      throw ProblemException.invalid(
          "bankBin", "bank.not-yours", "A bank registers endpoints for itself only");
    }
    if (bin == null) {
      throw ProblemException.invalid(
          "bankBin", "bank.required", "Name the bank the endpoint belongs to");
    }
    if (!banks.exists(bin)) {
      throw ProblemException.invalid(
          "bankBin", "bank.unknown", "No bank with this BIN in the directory");
    }
    // Checked before the first statement: the check looks the host up, and a name server that
    // never answers must not hold one of the pool's connections (the transaction takes one at its
    // first statement) while every bank's calls and the dispatcher wait for one.
    String url = urls.check(request.url()).toString();
    // Two creations at once must not both find the last place free.
    BankLocks.exclusive(em, bin);
    requireRoom(bin);
    Instant now = Timestamps.now();
    BankEndpoint e = new BankEndpoint();
    e.id = Ids.next();
    e.bankBin = bin;
    e.url = url;
    e.eventTypes = String.join(",", eventTypes(request.eventTypes()));
    e.description = request.description();
    e.active = true;
    String secret = WebhookSignature.newSecret(config.secretBytes());
    e.secretSealed = secrets.seal(e.id, secret);
    e.createdAt = now;
    e.updatedAt = now;
    e.persist();
    backlog.deliverTo(e); // alerts raised while no endpoint took them
    return new EndpointSecret(view(e), secret);
  }

  @Transactional
  public List<EndpointView> list(Optional<String> bankScope, Optional<String> bankFilter) {
    Optional<String> bin = bankScope.isPresent() ? bankScope : bankFilter;
    List<BankEndpoint> endpoints =
        bin.map(
                b ->
                    BankEndpoint.<BankEndpoint>list(
                        "bankBin = ?1 and removedAt is null order by createdAt", b))
            .orElseGet(() -> BankEndpoint.list("removedAt is null order by bankBin, createdAt"));
    return endpoints.stream().map(this::view).toList();
  }

  @Transactional
  public EndpointView get(Optional<String> bankScope, UUID id) {
    return view(find(bankScope, id));
  }

  @Transactional
  public EndpointView update(Optional<String> bankScope, UUID id, EndpointUpdate update) {
    // Looked up before the first statement, as in create.
    String url = update.url() == null ? null : urls.check(update.url()).toString();
    BankEndpoint e = findForWrite(bankScope, id);
    if (url != null) {
      e.url = url;
    }
    if (update.eventTypes() != null) {
      e.eventTypes = String.join(",", eventTypes(update.eventTypes()));
    }
    if (update.description() != null) {
      e.description = update.description();
    }
    boolean enabled = false;
    if (update.active() != null) {
      if (update.active() && !e.active) {
        BankLocks.exclusive(em, e.bankBin);
        requireRoom(e.bankBin);
        // Re-enabled: the failure clock starts again.
        e.disabledReason = null;
        e.disabledAt = null;
        e.failingSince = null;
        enabled = true;
      } else if (!update.active() && e.active) {
        disableByUser(e, bankScope, "Paused");
      }
      e.active = update.active();
    }
    e.updatedAt = Timestamps.now();
    if (enabled) {
      backlog.deliverTo(e); // with its new event types, if the update changed them too
    }
    return view(e);
  }

  @Transactional
  public void delete(Optional<String> bankScope, UUID id) {
    BankEndpoint e = findForWrite(bankScope, id);
    // Alerts raised now write their deliveries under the bank's lock, held shared: a delivery to
    // this endpoint is either counted below or never written.
    BankLocks.exclusive(em, e.bankBin);
    // Deliveries keep their log: an endpoint that has one stays, removed (no listing shows it, no
    // change revives it), so that the log can still be read; one without is deleted.
    long deliveries = io.fraudtip.notification.domain.Delivery.count("endpointId", e.id);
    if (e.active) {
      disableByUser(e, bankScope, "Removed");
    }
    if (deliveries == 0) {
      e.delete();
      return;
    }
    Instant now = Timestamps.now();
    e.active = false;
    e.removedAt = now;
    e.updatedAt = now;
    // Its deliveries still under way end as failed (the endpoint is gone): a bank that lists its
    // failed deliveries sees them, where they stayed pending for ever.
    em.createNativeQuery(
            "UPDATE delivery SET state = 'FAILED', next_attempt_at = NULL, leased = false,"
                + " completed_at = :now, last_error = 'The endpoint was removed'"
                + " WHERE endpoint_id = :id AND state = 'PENDING'")
        .setParameter("now", now)
        .setParameter("id", e.id)
        .executeUpdate();
  }

  /**
   * Room for one more active endpoint of the bank. Only active ones count: one deleted after it
   * delivered stays, inactive, for its log, and must not hold a place.
   */
  private void requireRoom(String bin) {
    if (BankEndpoint.count("bankBin = ?1 and active = true", bin) >= config.maxEndpointsPerBank()) {
      throw ProblemException.conflict(
          "endpoint-limit",
          "Bank "
              + bin
              + " already has the "
              + config.maxEndpointsPerBank()
              + " active endpoints it may have; delete or pause one first");
    }
  }

  private void disableByUser(BankEndpoint e, Optional<String> bankScope, String what) {
    e.disabledReason = BankEndpoint.DISABLED_BY_USER;
    e.disabledAt = Timestamps.now();
    disabled.fire(
        new EndpointDisabled(
            e.id, e.bankBin, e.url, e.disabledReason, what + " " + by(bankScope), e.disabledAt));
  }

  private static String by(Optional<String> bankScope) {
    return bankScope.isPresent() ? "by the bank" : "by an operator";
  }

  /**
   * A new secret signs from now on; the previous one also signs until the grace period ends, so
   * that the bank can switch its verification without losing a delivery. A rotation during the
   * grace of another keeps the earlier one signing too, until its own grace ends.
   */
  @Transactional
  public EndpointSecret rotate(Optional<String> bankScope, UUID id) {
    BankEndpoint e = findForWrite(bankScope, id);
    Instant now = Timestamps.now();
    // A rotation during another's grace keeps both earlier secrets signing, each until its own
    // grace ends: the bank may still verify with either (the first rotation's secret deployed, or
    // its answer lost). A third within the grace drops the oldest.
    boolean previousInForce =
        e.previousSecretSealed != null
            && e.previousSecretUntil != null
            && e.previousSecretUntil.isAfter(now);
    e.olderSecretSealed = previousInForce ? e.previousSecretSealed : null;
    e.olderSecretUntil = previousInForce ? e.previousSecretUntil : null;
    // Sealed for this endpoint already: the current one moves over as it is.
    e.previousSecretSealed = e.secretSealed;
    e.previousSecretUntil = now.plus(config.rotationGrace());
    String secret = WebhookSignature.newSecret(config.secretBytes());
    e.secretSealed = secrets.seal(e.id, secret);
    e.updatedAt = now;
    return new EndpointSecret(view(e), secret);
  }

  /**
   * The endpoint locked until the transaction ends: the dispatcher disables and marks endpoints
   * with statements of its own (no version bump), and a change written from a copy read before them
   * would undo them (an endpoint the dispatcher disabled enabled again by a change of description).
   */
  private BankEndpoint findForWrite(Optional<String> bankScope, UUID id) {
    BankEndpoint e = em.find(BankEndpoint.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (e == null
        || e.removedAt != null
        || bankScope.isPresent() && !bankScope.get().equals(e.bankBin)) {
      throw ProblemException.notFound("Endpoint");
    }
    return e;
  }

  BankEndpoint find(Optional<String> bankScope, UUID id) {
    return BankEndpoint.visibleTo(id, bankScope)
        .orElseThrow(() -> ProblemException.notFound("Endpoint"));
  }

  EndpointView view(BankEndpoint e) {
    Instant now = Instant.now();
    return new EndpointView(
        e.id,
        e.bankBin,
        banks.byBin(e.bankBin).map(BankDirectory.Bank::name).orElse(null),
        e.url,
        e.description,
        e.eventTypeList(),
        e.active,
        e.disabledReason,
        e.disabledAt,
        e.failingSince,
        e.lastSuccessAt,
        e.previousSecretUntil != null && e.previousSecretUntil.isAfter(now)
            ? e.previousSecretUntil
            : null,
        e.createdAt);
  }

  private static List<String> eventTypes(List<String> requested) {
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < requested.size(); i++) {
      if (!Alert.TYPES.contains(requested.get(i))) {
        errors.add(
            new FieldError(
                "eventTypes[" + i + "]",
                "event-type.unknown",
                "Unknown event type; one of " + Alert.TYPES));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return List.copyOf(new LinkedHashSet<>(requested));
  }
}
