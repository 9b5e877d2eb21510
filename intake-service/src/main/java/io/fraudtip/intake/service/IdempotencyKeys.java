package io.fraudtip.intake.service;

import io.fraudtip.commons.crypto.Hashes;
import io.fraudtip.commons.db.ScalarRows;
import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.commons.problem.ProblemMessages;
import io.fraudtip.commons.problem.Violations;
import io.fraudtip.contracts.Json;
import io.fraudtip.intake.api.TipReceipt;
import io.fraudtip.intake.config.IntakeConfig;
import io.fraudtip.intake.domain.IdempotencyRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} semantics of tip submission. The key is locked for the writing
 * transaction with a PostgreSQL advisory lock (a batch's keys in one statement), so a second
 * request with the key while the first is in flight elsewhere is refused ({@code 409}) instead of
 * racing it; the first answer is stored in the tip's own transaction, so it exists if and only if
 * the tip does. Keys are remembered for {@code fraudtip.intake.idempotency.expiry} (24 h by
 * default).
 */
@ApplicationScoped
public class IdempotencyKeys {
  /** The header. */
  public static final String HEADER = "Idempotency-Key";

  private static final Pattern VALID = Pattern.compile("[\\x21-\\x7E]{1,100}");
  private static final int CLEANUP_EVERY = 500;

  private final EntityManager em;
  private final IntakeConfig config;
  private final AtomicLong remembered = new AtomicLong();

  IdempotencyKeys(EntityManager em, IntakeConfig config) {
    this.em = em;
    this.config = config;
  }

  /**
   * The key as stored: a client's keys are its own (two apps that both count their requests from 1
   * must not answer each other's tips, nor refuse them as "another body"), so a named client's key
   * is stored as a digest of the client and the key. An anonymous caller's key is taken as sent
   * (its address may change between a request and its retry), under a prefix of its own: sent as
   * "c:" and a digest, it would be a named client's (a police unit's codes are public).
   *
   * @param key a key {@link #check} accepted, or null
   * @param client the caller's client ({@code TipOrigin#client}), or null when anonymous
   */
  public static String scoped(String key, String client) {
    if (key == null) {
      return null;
    }
    return client == null ? "a:" + key : "c:" + Hashes.sha256(client + " " + key);
  }

  /** Refuses a malformed key (400). */
  public static void check(String key, Locale locale) {
    if (key != null && !VALID.matcher(key).matches()) {
      Violations v = new Violations(locale);
      v.add(HEADER, "idempotency.key.invalid", Map.of());
      v.throwIfAny();
    }
  }

  /**
   * Takes the key for the caller's transaction.
   *
   * @return the first answer when the key was used with the same body; empty for a new key
   * @throws ProblemException 409 while another request with the key is in flight, 422 when the key
   *     was used with another body
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<TipReceipt> begin(String key, String bodyHash, Instant now, Locale locale) {
    Object locked =
        em.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtextextended(:key, 3))")
            .setParameter("key", key)
            .getSingleResult();
    if (!Boolean.TRUE.equals(locked)) {
      throw inFlight(locale);
    }
    IdempotencyRecord earlier = em.find(IdempotencyRecord.class, key);
    if (earlier == null) {
      return Optional.empty();
    }
    if (earlier.createdAt.isBefore(now.minus(config.idempotency().expiry()))) {
      em.remove(earlier);
      em.flush(); // before the new row with the same key is inserted
      return Optional.empty();
    }
    if (!earlier.bodyHash.equals(bodyHash)) {
      throw mismatch(locale);
    }
    return Optional.of(receipt(earlier.response));
  }

  /** The first answer to a key, as stored: the first body's hash and the receipt given. */
  public record Answer(String bodyHash, TipReceipt receipt) {}

  /**
   * Takes the keys of a batch for the caller's transaction, all in one statement.
   *
   * @return the keys another transaction holds (their requests are in flight elsewhere: 409)
   */
  @Transactional(Transactional.TxType.MANDATORY)
  @SuppressWarnings("unchecked")
  public Set<String> lockAll(Collection<String> keys) {
    if (keys.isEmpty()) {
      return Set.of();
    }
    // Keys are visible ASCII without spaces (VALID), so a space separates them safely.
    List<String> busy =
        ScalarRows.strings(
            em.createNativeQuery(
                    "SELECT k FROM unnest(string_to_array(:keys, ' ')) AS k"
                        + " WHERE NOT pg_try_advisory_xact_lock(hashtextextended(k, 3))")
                .setParameter("keys", String.join(" ", keys)));
    return new HashSet<>(busy);
  }

  /**
   * The first answers to the given keys, read in one query; expired ones are forgotten here (so
   * that a new tip may take the key in the same transaction).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Map<String, Answer> answersOf(Collection<String> keys, Instant now) {
    Map<String, Answer> answers = new HashMap<>();
    if (keys.isEmpty()) {
      return answers;
    }
    Instant expired = now.minus(config.idempotency().expiry());
    List<String> forgotten = new ArrayList<>();
    // Values, not entities: a forgotten key's row is deleted in bulk and may be inserted again.
    for (Object[] row :
        em.createQuery(
                "SELECT r.key, r.bodyHash, r.response, r.createdAt FROM IdempotencyRecord r"
                    + " WHERE r.key IN :keys",
                Object[].class)
            .setParameter("keys", keys)
            .getResultList()) {
      String key = (String) row[0];
      if (((Instant) row[3]).isBefore(expired)) {
        forgotten.add(key);
      } else {
        answers.put(key, new Answer((String) row[1], receipt((String) row[2])));
      }
    }
    if (!forgotten.isEmpty()) {
      em.createQuery("DELETE FROM IdempotencyRecord r WHERE r.key IN :keys")
          .setParameter("keys", forgotten)
          .executeUpdate();
    }
    return answers;
  }

  /** Stores the first answer of a key, in the tip's transaction. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void remember(String key, String bodyHash, TipReceipt receipt, Instant now) {
    IdempotencyRecord r = new IdempotencyRecord();
    r.key = key;
    r.bodyHash = bodyHash;
    r.tipId = receipt.tipId();
    r.response = Json.write(receipt);
    r.createdAt = now;
    r.persist();
    if (remembered.incrementAndGet() % CLEANUP_EVERY == 0) {
      em.createQuery("DELETE FROM IdempotencyRecord r WHERE r.createdAt < :before")
          .setParameter("before", now.minus(config.idempotency().expiry()))
          .executeUpdate();
    }
  }

  /** 409: a request with the key is still being processed. */
  public static ProblemException inFlight(Locale locale) {
    return problem(409, "idempotency-in-flight", locale);
  }

  /** 422: the key was used with another body. */
  public static ProblemException mismatch(Locale locale) {
    return problem(422, "idempotency-mismatch", locale);
  }

  private static TipReceipt receipt(String response) {
    try {
      return Json.events().readValue(response, TipReceipt.class);
    } catch (IOException e) {
      throw new IllegalStateException("stored answer of an idempotency key is unreadable", e);
    }
  }

  private static ProblemException problem(int status, String type, Locale locale) {
    return new ProblemException(
        status,
        type,
        ProblemMessages.message(locale, "problem." + type + ".title"),
        ProblemMessages.message(locale, "problem." + type + ".detail"));
  }
}
