package io.fraudtip.intake.service;

import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.intake.api.TipReceipt;
import io.fraudtip.intake.domain.Tip;
import io.opentelemetry.context.Context;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * A checked, normalised tip waiting for its batch: what to store, the key it answers to, and the
 * request waiting for the answer.
 *
 * @param tip the row to insert (id, tracking code and payload already set)
 * @param event the tips.v1 event to put in the outbox
 * @param idempotencyKey the client's key, or null
 * @param bodyHash the request body's hash, compared with the key's first body
 * @param locale the language of a problem answer
 * @param trace the request's trace context, continued by the outbox row
 * @param answer completed once the batch has committed (or with this tip's failure)
 */
record PendingTip(
    Tip tip,
    TipReceivedV1 event,
    String idempotencyKey,
    String bodyHash,
    Locale locale,
    Context trace,
    CompletableFuture<TipService.Submitted> answer) {
  PendingTip(
      Tip tip,
      TipReceivedV1 event,
      String idempotencyKey,
      String bodyHash,
      Locale locale,
      Context trace) {
    this(tip, event, idempotencyKey, bodyHash, locale, trace, new CompletableFuture<>());
  }

  TipReceipt receipt() {
    return new TipReceipt(tip.id, tip.trackingCode, tip.status, tip.receivedAt);
  }
}
