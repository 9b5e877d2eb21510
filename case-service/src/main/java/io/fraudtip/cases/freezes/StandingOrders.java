package io.fraudtip.cases.freezes;

import io.fraudtip.cases.api.CaseRequests;
import io.fraudtip.cases.config.FreezeConfig;
import io.fraudtip.commons.problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A unit's standing order to follow the money trail: bounded in depth and in time, so that no
 * request authorises freezes along a trail for ever.
 */
@ApplicationScoped
class StandingOrders {
  private final FreezeConfig config;

  StandingOrders(FreezeConfig config) {
    this.config = config;
  }

  /** What is wrong with the request's standing order, if anything. */
  List<FieldError> check(CaseRequests.Freeze request, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    int maxLayer = config.standingOrderMaxLayer();
    if (!Boolean.TRUE.equals(request.followTrail())) {
      if (request.maxLayer() != null) {
        errors.add(onlyWithFollowTrail("maxLayer"));
      }
      if (request.until() != null) {
        errors.add(onlyWithFollowTrail("until"));
      }
      return errors;
    }
    if (request.maxLayer() == null) {
      errors.add(
          new FieldError(
              "maxLayer",
              "freeze.max-layer.required",
              "A standing order names the deepest layer it reaches (2 to " + maxLayer + ")"));
    } else if (request.maxLayer() < 2 || request.maxLayer() > maxLayer) {
      errors.add(
          new FieldError(
              "maxLayer",
              "freeze.max-layer.range",
              "The deepest layer is between 2 and " + maxLayer));
    }
    if (request.until() != null && !request.until().isAfter(now)) {
      errors.add(
          new FieldError(
              "until", "freeze.until.past", "The standing order must end in the future"));
    } else if (request.until() != null
        && request.until().isAfter(now.plus(config.standingOrderMax()))) {
      errors.add(
          new FieldError(
              "until",
              "freeze.until.too-far",
              "A standing order lasts at most " + config.standingOrderMax().toDays() + " days"));
    }
    return errors;
  }

  /** Sets the checked standing order on the request's row. */
  void apply(FreezeRequest r, CaseRequests.Freeze request, Instant now) {
    r.followTrail = Boolean.TRUE.equals(request.followTrail());
    if (r.followTrail) {
      r.maxLayer = request.maxLayer();
      r.trailUntil =
          request.until() == null ? now.plus(config.standingOrderDefault()) : request.until();
    }
  }

  /** The newest standing order of the case in force now that reaches this layer. */
  Optional<FreezeRequest> covering(UUID caseId, int layer, Instant now) {
    return FreezeRequest.<FreezeRequest>list(
            "caseId = ?1 and followTrail = true and trailUntil > ?2 order by requestedAt desc",
            caseId,
            now)
        .stream()
        .filter(r -> r.covers(layer, now))
        .findFirst();
  }

  private static FieldError onlyWithFollowTrail(String field) {
    return new FieldError(
        field, "freeze.standing-order-only", "Only a standing order (followTrail: true) takes it");
  }
}
